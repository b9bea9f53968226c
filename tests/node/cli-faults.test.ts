/**
 * Network faults seen by the CLI: every fault the browser tests serve (the same fault server,
 * tests/browser/hardening/fault-server.js, here on a port of its own) is tried with
 * `otel-calendar snapshot` over an existing good snapshot. Each must exit 1 with one clear
 * `otel-calendar: error:` line and leave the existing file byte-identical, with no temporary
 * file behind. `list` gets the same treatment for a few. A CORS refusal is a browser rule: the
 * CLI reads such a feed, and that is checked too.
 *
 * Runs the built CLI (dist/cli/otel-calendar.js, `npm test` builds it first). To try source
 * changes without a build: OTEL_CALENDAR_CLI=src/cli/otel-calendar.ts (run through tsx).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type RunResult, collect, run, startCli } from './cli-process.js';
import {
  faultFeed,
  faultStats,
  setFaultMode,
  startFaultServer,
  type FaultKind,
} from '../browser/hardening/fault-server.js';

function assertFailure(result: RunResult, message: RegExp, label: string): void {
  const context = `${label}: stderr was ${JSON.stringify(result.stderr)}`;
  assert.equal(result.code, 1, `exit status (${context})`);
  assert.equal(result.stdout, '', `nothing on stdout (${context})`);
  assert.ok(!result.stderr.includes('    at '), `no stack trace (${context})`);
  const lines = result.stderr.split('\n');
  assert.equal(lines.length, 2, `exactly one stderr line (${context})`);
  assert.match(lines[0] ?? '', /^otel-calendar: error: /, context);
  assert.match(lines[0] ?? '', message, context);
}

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'otel-calendar-faults-'));
  tempDirs.push(dir);
  return dir;
}

/** A good existing snapshot pair (.ics and .json) written by the CLI itself from a healthy feed. */
async function goodSnapshots(
  base: string,
  dir: string,
): Promise<{ ics: string; json: string; before: { ics: Buffer; json: Buffer } }> {
  const id = feedId('good');
  const ics = join(dir, 'calendar.ics');
  const json = join(dir, 'calendar.json');
  for (const out of [ics, json]) {
    const result = await run(['snapshot', `${base}/feed/${id}.ics`, '-o', out, ...WINDOW]);
    assert.equal(result.code, 0, result.stderr);
  }
  return { ics, json, before: { ics: await readFile(ics), json: await readFile(json) } };
}

let counter = 0;
const feedId = (label: string): string => `cli-${label}-${process.pid}-${++counter}`;
const WINDOW = ['--from', '2026-11-20T00:00:00Z', '--days', '30', '--tz', 'UTC'] as const;

interface CliFault {
  readonly kind: FaultKind;
  readonly says: RegExp;
  readonly query?: string;
  readonly timeout?: string;
}

/** What the one stderr line says for each fault (after `otel-calendar: error: `), ending with the URL. */
const FAULTS: readonly CliFault[] = [
  { kind: '404', says: /The calendar was not found \(HTTP 404\) \(http:\/\/127\.0\.0\.1:\d+\/feed\/[\w-]+\.ics\)$/ },
  { kind: '500', says: /The calendar server failed \(HTTP 500\) \(http:/ },
  { kind: '429', says: /rate-limiting requests \(HTTP 429\); try again in 2 minutes \(http:/ },
  { kind: '503', says: /unavailable \(HTTP 503\); try again in 30 seconds \(http:/ },
  { kind: 'hang', timeout: '2', says: /The calendar did not answer within 2 s \(http:/ },
  { kind: 'reset', says: /Could not reach the calendar \(ECONNRESET\) \(http:/ },
  {
    kind: 'reset-mid-body',
    says: /The connection was lost while loading the calendar \(the download is incomplete: ECONNRESET\) \(http:/,
  },
  {
    kind: 'truncated',
    says: /The connection was lost while loading the calendar \(the download is incomplete(: [A-Z_]+)?\) \(http:/,
  },
  {
    kind: 'unterminated',
    says: /the calendar is incomplete \(it does not end with END:VCALENDAR, the download was probably cut short\); .* was not changed$/,
  },
  { kind: 'html', says: /This is an HTML\/XML page, not an iCalendar file \(http:/ },
  { kind: 'empty', says: /The calendar is empty \(no data\) \(http:/ },
  { kind: 'drip', timeout: '2', query: '?drip=6000', says: /The calendar did not finish loading within 2 s \(http:/ },
];

describe('CLI network faults', { concurrency: 2 }, () => {
  let server: { readonly base: string; close(): Promise<void> } | undefined;
  const base = (): string => {
    assert.ok(server, 'the fault server is running');
    return server.base;
  };

  before(async () => {
    server = await startFaultServer();
  });
  after(async () => {
    await server?.close();
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  for (const fault of FAULTS) {
    test(`snapshot, ${fault.kind}: exit 1, one clear line, the existing .ics and .json untouched`, async () => {
      const dir = await tempDir();
      const good = await goodSnapshots(base(), dir);
      const id = feedId(fault.kind);
      setFaultMode(id, fault.kind);
      const url = `${base()}/feed/${id}.ics${fault.query ?? ''}`;
      const timeout = fault.timeout ? ['--timeout', fault.timeout] : [];
      const results = await Promise.all(
        [good.ics, good.json].map((out) => run(['snapshot', url, '-o', out, ...WINDOW, ...timeout])),
      );
      results.forEach((result, i) =>
        assertFailure(result, fault.says, `snapshot ${fault.kind} -o ${i ? '.json' : '.ics'}`),
      );
      // (A run that times out may give up before its request is even sent on a busy machine.)
      if (!fault.timeout) assert.equal(faultStats(id).hits, 2, 'both runs reached the server');
      assert.deepEqual(await readFile(good.ics), good.before.ics, 'calendar.ics is byte-identical');
      assert.deepEqual(await readFile(good.json), good.before.json, 'calendar.json is byte-identical');
      assert.deepEqual((await readdir(dir)).sort(), ['calendar.ics', 'calendar.json'], 'no temporary file left');

      // The server recovers: the same command now replaces the file.
      setFaultMode(id, 'healthy');
      const recovered = await run(['snapshot', url.replace(/\?.*$/, ''), '-o', good.ics, ...WINDOW]);
      assert.equal(recovered.code, 0, recovered.stderr);
      assert.equal(await readFile(good.ics, 'utf8'), faultFeed(id));
    });
  }

  test('list, for every fault: exit 1 and the same one line', async () => {
    // One after another: a dozen CLIs at once would make the timed cases unfair on a busy machine.
    for (const fault of FAULTS.filter((f) => f.kind !== 'unterminated')) {
      const id = feedId(`list-${fault.kind}`);
      setFaultMode(id, fault.kind);
      const timeout = fault.timeout ? ['--timeout', fault.timeout] : [];
      const result = await run([
        'list',
        `${base()}/feed/${id}.ics${fault.query ?? ''}`,
        '--format',
        'json',
        ...timeout,
      ]);
      assertFailure(result, fault.says, `list ${fault.kind}`);
    }
  });

  test('a feed without CORS headers (the browser refuses it) is read by the CLI: CORS is a browser rule', async () => {
    const dir = await tempDir();
    const id = feedId('cors');
    setFaultMode(id, 'cors');
    const out = join(dir, 'calendar.ics');
    const result = await run(['snapshot', `${base()}/feed/${id}.ics`, '-o', out, ...WINDOW]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(await readFile(out, 'utf8'), faultFeed(id));
  });

  test('a slow drip that finishes within --timeout is written', async () => {
    const dir = await tempDir();
    const id = feedId('drip-ok');
    setFaultMode(id, 'drip');
    const out = join(dir, 'calendar.json');
    const result = await run([
      'snapshot',
      `${base()}/feed/${id}.ics?drip=1500`,
      '-o',
      out,
      ...WINDOW,
      '--timeout',
      '10',
    ]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^otel-calendar: wrote .*calendar\.json \(4 occurrences, 30 days\)\n$/);
  });

  test('killed during a slow drip: the existing .json is untouched, no temporary file', async () => {
    const dir = await tempDir();
    const good = await goodSnapshots(base(), dir);
    const id = feedId('drip-kill');
    setFaultMode(id, 'drip');
    const child = startCli(['snapshot', `${base()}/feed/${id}.ics?drip=6000`, '-o', good.json, ...WINDOW]);
    const done = collect(child);
    const start = Date.now();
    while (faultStats(id).hits === 0) {
      assert.ok(Date.now() - start < 5_000, 'the CLI never requested the feed');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 800));
    assert.ok(child.kill('SIGKILL'), 'the CLI was still running');
    const result = await done;
    assert.equal(result.signal, 'SIGKILL', `killed mid-download, not finished (stderr: ${result.stderr})`);
    assert.deepEqual(await readFile(good.json), good.before.json);
    assert.deepEqual((await readdir(dir)).sort(), ['calendar.ics', 'calendar.json']);
  });

  test('--timeout must be a positive number (exit 2)', async () => {
    const result = await run(['list', `${base()}/feed/x.ics`, '--timeout', '0']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'otel-calendar: error: --timeout must be a positive number of seconds\n');
  });
});
