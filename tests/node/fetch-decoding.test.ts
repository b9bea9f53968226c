/**
 * How fetchCalendarText turns bytes into text: the body is collected under the size
 * limit and decoded once at the end, by byte-order mark, then the declared charset, else UTF-8
 * with folds that split a multi-byte character repaired. The CLI decodes local files the same way
 * (checked on the built CLI, dist/cli/otel-calendar.js, like tests/node/cli.test.ts).
 *
 * Every feed here is built from bytes in the test, so each expectation names the bytes it is about.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { CalendarError, fetchCalendarText, parseCalendar } from '../../src/calendar/index.js';
import { charsetOf, decodeCalendarText } from '../../src/calendar/text-decoding.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const CLI = resolve(ROOT, process.env['OTEL_CALENDAR_CLI'] ?? join('dist', 'cli', 'otel-calendar.js'));

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** A one-event calendar whose SUMMARY is `summary` (bytes), CRLF line ends. */
function calendarBytes(summary: readonly number[]): Uint8Array {
  const head = ascii('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:decode@test\r\nDTSTART:20261124T100000Z\r\nSUMMARY:');
  const tail = ascii('\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  return Uint8Array.from([...head, ...summary, ...tail]);
}

/** "Café" in UTF-8 with a fold (CRLF + space) between the two bytes of "é" (C3 A9). */
const SPLIT_FOLD_SUMMARY = [...ascii('Caf'), 0xc3, 0x0d, 0x0a, 0x20, 0xa9, ...ascii(' ouvert')];

let served = 0;

/**
 * fetchCalendarText over a fake fetch answering `body` (bytes, or a stream) with `headers`.
 * A fresh URL each time, so nothing comes from the cache.
 */
function fetchText(
  body: Uint8Array | ReadableStream<Uint8Array>,
  headers: Record<string, string> = {},
  maxBytes?: number,
): Promise<string> {
  const fake = async (): Promise<Response> =>
    new Response(body instanceof Uint8Array ? new Uint8Array(body) : body, { status: 200, headers });
  return fetchCalendarText(`https://calendar.example/decoding-${++served}.ics`, { fetch: fake, maxAge: 0, maxBytes });
}

/** A stream giving `bytes` in chunks of `size` bytes. */
function chunked(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

const summaryOf = (text: string): string | undefined => parseCalendar(text).events[0]?.summary;

/** UTF-16 bytes of `text`, with a byte-order mark. */
function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const [a, b] = endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
    out[2 + 2 * i] = a;
    out[3 + 2 * i] = b;
  }
  return out;
}

describe('fetchCalendarText: UTF-8', () => {
  test('a fold written in the middle of a multi-byte character is repaired (the character survives)', async () => {
    const bytes = calendarBytes(SPLIT_FOLD_SUMMARY);
    // Decoded naively, the split "é" becomes two replacement characters.
    assert.match(summaryOf(new TextDecoder('utf-8').decode(bytes)) ?? '', /\uFFFD/);
    assert.equal(summaryOf(await fetchText(bytes, { 'content-type': 'text/calendar; charset=utf-8' })), 'Café ouvert');
    assert.equal(summaryOf(await fetchText(bytes)), 'Café ouvert');
  });

  test('the same, delivered one byte per network chunk (decoded once, at the end)', async () => {
    assert.equal(summaryOf(await fetchText(chunked(calendarBytes(SPLIT_FOLD_SUMMARY), 1))), 'Café ouvert');
  });

  test('an ordinary fold between two characters is still a fold', async () => {
    const summary = [...ascii('Caf'), 0xc3, 0xa9, 0x0d, 0x0a, 0x20, ...ascii('ouvert')];
    assert.equal(summaryOf(await fetchText(calendarBytes(summary))), 'Caféouvert');
  });

  test('a UTF-8 byte-order mark is dropped and wins over a declared windows-1252', async () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...calendarBytes([...ascii('Caf'), 0xc3, 0xa9])]);
    assert.equal(summaryOf(await fetchText(bytes, { 'content-type': 'text/calendar; charset=windows-1252' })), 'Café');
  });
});

describe('fetchCalendarText: other encodings', () => {
  const text =
    'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u16@test\r\nDTSTART:20261124T100000Z\r\nSUMMARY:Réunion – 会議\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';

  test('UTF-16LE and UTF-16BE with a byte-order mark, whatever the label says', async () => {
    assert.equal(summaryOf(await fetchText(utf16(text, 'le'))), 'Réunion – 会議');
    assert.equal(
      summaryOf(await fetchText(utf16(text, 'be'), { 'content-type': 'text/calendar; charset=iso-8859-1' })),
      'Réunion – 会議',
    );
  });

  test('charset=iso-8859-1 is read as windows-1252 (as browsers do): 0x80 is the euro sign', async () => {
    const bytes = calendarBytes([0x80, 0x20, ...ascii('caf'), 0xe9, 0x20, 0x93, ...ascii('ok'), 0x94]);
    assert.equal(
      summaryOf(await fetchText(bytes, { 'content-type': 'text/calendar; charset="ISO-8859-1"' })),
      '€ café “ok”',
    );
  });

  test('valid UTF-8 labelled as a legacy charset (a server default) is read as UTF-8', async () => {
    const bytes = calendarBytes([...ascii('Caf'), 0xc3, 0xa9]);
    assert.equal(summaryOf(await fetchText(bytes, { 'content-type': 'text/calendar; charset=iso-8859-1' })), 'Café');
  });

  test('an unknown charset label falls back to UTF-8', async () => {
    const bytes = calendarBytes([...ascii('Caf'), 0xc3, 0xa9]);
    assert.equal(
      summaryOf(await fetchText(bytes, { 'content-type': 'text/calendar; charset=x-no-such-charset' })),
      'Café',
    );
  });

  test('charsetOf reads the parameter, quoted or not, and nothing else', () => {
    assert.equal(charsetOf('text/calendar; charset=windows-1252'), 'windows-1252');
    assert.equal(charsetOf('text/calendar;CHARSET="UTF-8"; method=PUBLISH'), 'UTF-8');
    assert.equal(charsetOf('text/calendar; method=PUBLISH'), undefined);
    assert.equal(charsetOf(null), undefined);
  });
});

describe('fetchCalendarText: collecting bytes keeps the limits', () => {
  test('a body larger than maxBytes without a Content-Length is refused while streaming', async () => {
    const big = new Uint8Array(64 * 1024).fill(0x41);
    await assert.rejects(
      fetchText(chunked(big, 1024), {}, 10_000),
      (error: unknown) => error instanceof CalendarError && error.code === 'too-large',
    );
  });

  test('a body that breaks off is an incomplete network error, not a calendar', async () => {
    let sent = false;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) {
          controller.error(new Error('socket hang up'));
          return;
        }
        sent = true;
        controller.enqueue(calendarBytes(ascii('Cut')).slice(0, 40));
      },
    });
    await assert.rejects(
      fetchText(broken),
      (error: unknown) => error instanceof CalendarError && error.code === 'network' && error.incomplete === true,
    );
  });
});

describe('decodeCalendarText', () => {
  test('no byte-order mark and no label: UTF-8, invalid bytes replaced (never throws)', () => {
    assert.equal(decodeCalendarText(Uint8Array.from([0x41, 0xe9, 0x42])), 'A\uFFFDB');
  });
});

describe('CLI: local files are decoded like downloads', () => {
  test('a UTF-16LE file with a byte-order mark and a UTF-8 file with a split fold', async (t) => {
    if (!existsSync(CLI)) {
      assert.fail(`${CLI} is missing: run \`npm run build\` first (\`npm test\` does)`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'otel-decoding-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const split = join(dir, 'split-fold.ics');
    await writeFile(split, calendarBytes(SPLIT_FOLD_SUMMARY));
    const list = (file: string): Promise<string> =>
      new Promise((resolvePromise, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'America/New_York' };
        delete env['NODE_TEST_CONTEXT'];
        delete env['NODE_OPTIONS'];
        const program = CLI.endsWith('.ts') ? ['--import', 'tsx', CLI] : [CLI];
        execFile(
          process.execPath,
          [...program, 'list', file, '--from', '2026-11-01', '--to', '2027-01-01', '--format', 'json'],
          { env, timeout: 60_000 },
          (error, stdout) => (error ? reject(error) : resolvePromise(stdout)),
        );
      });
    const titles = (json: string): unknown[] => (JSON.parse(json) as { title: unknown }[]).map((o) => o.title);
    assert.deepEqual(titles(await list(split)), ['Café ouvert']);
    assert.ok(
      readFileSync(join(FIXTURES, 'malformed', 'utf16.ics'))[0] === 0xff,
      'utf16.ics starts with a UTF-16LE byte-order mark',
    );
    assert.deepEqual(titles(await list(join(FIXTURES, 'malformed', 'utf16.ics'))), ['Event in a UTF-16 file']);
  });
});
