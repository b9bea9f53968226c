/**
 * `otel-calendar list --format markdown`, end to end through the built CLI (dist/cli; `npm run
 * build` first): the agenda in English, Spanish, Romanian and Japanese, times across the 2026 DST
 * changes in three zones, cancelled instances, the empty window, and feed text that tries to add
 * markup — checked on the Markdown itself and on what a CommonMark / GFM renderer (micromark, the
 * reference implementation of both) makes of it.
 *
 * tests/fixtures/agenda.ics, read by hand (all of it in October–November 2026):
 * - Collector SIG: Thursdays 10:00–11:00 Europe/Berlin, COUNT=4 from 15 October: 15 (before the
 *   windows below), 22 and 29 October and 5 November, which an override cancels. Berlin leaves
 *   summer time on Sunday 25 October, so 22 October is 10:00 CEST (08:00Z) and the later ones
 *   10:00 CET (09:00Z). Page https://example.org/sigs/collector, location "Room 1 (Berlin)", a
 *   Zoom link in the description.
 * - Americas meeting: Fridays 09:00–09:30 America/New_York, 30 October (EDT, 13:00Z) and
 *   6 November (New York left summer time on 1 November: EST, 14:00Z). Its page URL carries
 *   parentheses and `<x>`; its location is its Meet link (shown as Join, not as a location).
 * - Community days: all day 27–29 October (DTEND 30 October, exclusive), in Bucharest.
 * - Docs day: all day 28 October.
 * - APAC end users: 28 October 09:00–10:00 Asia/Tokyo (00:00Z), URL `javascript:` (not linked).
 * - Release night: 25 October 01:30–04:30 Europe/Berlin, across the change: 01:30 CEST (23:30Z on
 *   the 24th) to 04:30 CET (03:30Z), four hours.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { micromark, type Options } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { isSafeUrl, stripBidiControls } from '../../src/calendar/safe-url.js';
import { hostileIcs, type HostilePayload } from '../fixtures/hostile/generate.js';
import { ROOT, run } from './cli-process.js';

const AGENDA = join(ROOT, 'tests', 'fixtures', 'agenda.ics');
const WINDOW = ['--from', '2026-10-19', '--to', '2026-11-09'] as const;

/** Runs `list --format markdown` and returns stdout, failing on a non-zero exit or any stderr. */
async function markdown(args: readonly string[]): Promise<string> {
  const result = await run(['list', ...args, '--format', 'markdown']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stderr, '');
  return result.stdout;
}

/**
 * Intl writes a narrow no-break space before AM/PM and thin spaces around a range's dash in
 * English; the expectations below are written with plain spaces.
 */
const plainSpaces = (text: string): string => text.replace(/[\u202f\u2009\u00a0]/g, ' ');

/** The Collector SIG's page, Join link and location as the agenda writes them. */
const COLLECTOR = '[Collector SIG](https://example.org/sigs/collector) · Room 1 (Berlin)';
const ZOOM = '(https://zoom.us/j/222?pwd=abc)';
/** `(`, `)`, `<` and `>` percent-encoded, so the destination cannot end early. */
const AMERICAS = '[Americas meeting](https://example.org/wiki/Americas_%28meeting%29?q=%3Cx%3E&lang=en)';
const MEET = '(https://meet.google.com/abc-defg-hij)';

describe('list --format markdown', { concurrency: true }, () => {
  test('Romanian, Berlin: a heading per day, times with the zone, links, cancelled marked', async () => {
    const out = await markdown([AGENDA, ...WINDOW, '--tz', 'Europe/Berlin', '--lang', 'ro', '--include-cancelled']);
    // The APAC session (00:00Z) is 01:00 CET; its host's time, 09:00 in Tokyo, is beside it. The
    // Americas meeting is 14:00 CET on 30 October and 15:00 on 6 November: 09:00 in New York
    // both times, though one week was EDT and the next EST.
    assert.equal(
      out,
      [
        '## Joi, 22 octombrie 2026',
        '',
        `- 10:00–11:00 CEST · ${COLLECTOR} · [Participați]${ZOOM}`,
        '',
        '## Duminică, 25 octombrie 2026',
        '',
        // Each end named in the zone in effect then.
        '- 01:30 CEST–04:30 CET · Release night',
        '',
        '## Marți, 27 octombrie 2026',
        '',
        '- mar., 27 oct.–joi, 29 oct. · Toată ziua · Community days · Bucharest',
        '',
        '## Miercuri, 28 octombrie 2026',
        '',
        '- Toată ziua · Docs day',
        '- 01:00–02:00 CET (09:00–10:00 GMT+9) · APAC end users',
        '',
        '## Joi, 29 octombrie 2026',
        '',
        `- 10:00–11:00 CET · ${COLLECTOR} · [Participați]${ZOOM}`,
        '',
        '## Vineri, 30 octombrie 2026',
        '',
        `- 14:00–14:30 CET (09:00–09:30 GMT-4) · ${AMERICAS} · [Participați]${MEET}`,
        '',
        '## Joi, 5 noiembrie 2026',
        '',
        `- 10:00–11:00 CET · **Anulat** · ${COLLECTOR}`,
        '',
        '## Vineri, 6 noiembrie 2026',
        '',
        `- 15:00–15:30 CET (09:00–09:30 GMT-5) · ${AMERICAS} · [Participați]${MEET}`,
        '',
      ].join('\n'),
    );
  });

  test('Spanish and English: the same agenda in each language’s words and formats', async () => {
    const [es, en] = await Promise.all([
      markdown([AGENDA, ...WINDOW, '--tz', 'Europe/Berlin', '--lang', 'es']),
      markdown([AGENDA, ...WINDOW, '--tz', 'Europe/Berlin']),
    ]);
    const esLines = es.split('\n');
    assert.deepEqual(
      esLines.filter((line) => line.startsWith('## ')),
      [
        '## Jueves, 22 de octubre de 2026',
        '## Domingo, 25 de octubre de 2026',
        '## Martes, 27 de octubre de 2026',
        '## Miércoles, 28 de octubre de 2026',
        '## Jueves, 29 de octubre de 2026',
        '## Viernes, 30 de octubre de 2026',
        '## Viernes, 6 de noviembre de 2026',
      ],
    );
    assert.ok(esLines.includes(`- 10:00–11:00 CEST · ${COLLECTOR} · [Unirse]${ZOOM}`), es);
    assert.ok(esLines.includes('- Todo el día · Docs day'), es);
    assert.ok(esLines.includes(`- 15:00–15:30 CET (9:00–9:30 GMT-5) · ${AMERICAS} · [Unirse]${MEET}`), es);
    // Without --include-cancelled the cancelled 5 November session is not listed at all.
    assert.ok(!es.includes('noviembre de 2026\n\n- 10:00'), es);
    assert.ok(!es.includes('Cancelado'), es);

    // --lang defaults to en (US English: 12-hour times, month before day).
    const enLines = plainSpaces(en).split('\n');
    assert.equal(enLines[0], '## Thursday, October 22, 2026');
    assert.ok(enLines.includes(`- 10:00 AM–11:00 AM GMT+2 · ${COLLECTOR} · [Join]${ZOOM}`), en);
    assert.ok(enLines.includes('- Tue, Oct 27–Thu, Oct 29 · All day · Community days · Bucharest'), en);
    assert.ok(enLines.includes(`- 3:00 PM–3:30 PM GMT+1 (9:00 – 9:30 AM EST) · ${AMERICAS} · [Join]${MEET}`), en);
  });

  test('Japanese: headings, Join and the all-day label from the Japanese catalog and Intl', async () => {
    const out = await markdown([
      AGENDA,
      '--from',
      '2026-10-28',
      '--to',
      '2026-10-30',
      '--tz',
      'Asia/Tokyo',
      '--lang',
      'ja',
    ]);
    // Community days (27–29 October) is in progress at --from: it is listed under 28 October. The
    // Collector SIG, 10:00 CET (09:00Z), is 18:00 in Tokyo; the host's time is Intl's Japanese range.
    assert.equal(
      out,
      [
        '## 2026年10月28日水曜日',
        '',
        '- 10月27日(火)–10月29日(木) · 終日 · Community days · Bucharest',
        '- 終日 · Docs day',
        '- 9:00–10:00 JST · APAC end users',
        '',
        '## 2026年10月29日木曜日',
        '',
        `- 18:00–19:00 JST (10時00分～11時00分(GMT+1)) · ${COLLECTOR} · [参加]${ZOOM}`,
        '',
      ].join('\n'),
    );
  });

  test('DST changes in three zones: the same instants, each named in the zone shown', async () => {
    const lines = async (tz: string): Promise<string[]> =>
      (await markdown([AGENDA, ...WINDOW, '--tz', tz, '--lang', 'ro', '--include-cancelled', '--filter', 'collector']))
        .split('\n')
        .filter((line) => line.startsWith('- '));
    const [berlin, newYork, tokyo] = await Promise.all([
      lines('Europe/Berlin'),
      lines('America/New_York'),
      lines('Asia/Tokyo'),
    ]);
    // 08:00Z, 09:00Z, 09:00Z: Berlin keeps 10:00 (CEST, then CET) …
    assert.deepEqual(
      berlin.map((l) => l.split(' · ')[0]),
      ['- 10:00–11:00 CEST', '- 10:00–11:00 CET', '- 10:00–11:00 CET'],
    );
    // … New York sees 04:00 EDT, then 05:00 EDT in the week between the two changes, then 04:00
    // EST; the host's time (Berlin) is beside it.
    assert.deepEqual(
      newYork.map((l) => l.split(' · ')[0]),
      [
        '- 04:00–05:00 GMT-4 (10:00–11:00 CEST)',
        '- 05:00–06:00 GMT-4 (10:00–11:00 CET)',
        '- 04:00–05:00 GMT-5 (10:00–11:00 CET)',
      ],
    );
    // … and Tokyo, without DST, 17:00 then 18:00.
    assert.deepEqual(
      tokyo.map((l) => l.split(' · ')[0]),
      [
        '- 17:00–18:00 GMT+9 (10:00–11:00 CEST)',
        '- 18:00–19:00 GMT+9 (10:00–11:00 CET)',
        '- 18:00–19:00 GMT+9 (10:00–11:00 CET)',
      ],
    );
  });

  test('an event across a DST change: four hours, each end in its own zone name', async () => {
    const night = async (tz: string): Promise<string> =>
      markdown([
        AGENDA,
        '--from',
        '2026-10-24',
        '--to',
        '2026-10-26',
        '--tz',
        tz,
        '--lang',
        'ro',
        '--filter',
        'release',
      ]);
    const [berlin, newYork, tokyo] = await Promise.all([
      night('Europe/Berlin'),
      night('America/New_York'),
      night('Asia/Tokyo'),
    ]);
    // 23:30Z–03:30Z: in Berlin 01:30 CEST to 04:30 CET (the clock fell back an hour in between).
    assert.equal(berlin, '## Duminică, 25 octombrie 2026\n\n- 01:30 CEST–04:30 CET · Release night\n');
    // New York (EDT, UTC-4) sees 19:30–23:30 on Saturday the 24th, with the host's range beside it
    // (Intl names the range's zone once, at its end).
    assert.equal(newYork, '## Sâmbătă, 24 octombrie 2026\n\n- 19:30–23:30 GMT-4 (01:30–04:30 CET) · Release night\n');
    assert.equal(tokyo, '## Duminică, 25 octombrie 2026\n\n- 08:30–12:30 GMT+9 (01:30–04:30 CET) · Release night\n');
  });

  test('a day is the day in --tz: 28 October 09:00 in Tokyo is 27 October in New York', async () => {
    const out = await markdown([
      AGENDA,
      '--from',
      '2026-10-27',
      '--to',
      '2026-10-29',
      '--tz',
      'America/New_York',
      '--lang',
      'es',
    ]);
    assert.equal(
      out,
      [
        '## Martes, 27 de octubre de 2026',
        '',
        '- mar, 27 oct–jue, 29 oct · Todo el día · Community days · Bucharest',
        '- 20:00–21:00 GMT-4 (9:00–10:00 GMT+9) · APAC end users',
        '',
        '## Miércoles, 28 de octubre de 2026',
        '',
        '- Todo el día · Docs day',
        '',
      ].join('\n'),
    );
  });

  test('without --tz, days and times are in the process zone (America/New_York here)', async () => {
    const out = plainSpaces(await markdown([AGENDA, '--from', '2026-10-22', '--to', '2026-10-23']));
    assert.equal(
      out,
      `## Thursday, October 22, 2026\n\n- 4:00 AM–5:00 AM EDT (10:00 – 11:00 AM GMT+2) · ${COLLECTOR} · [Join]${ZOOM}\n`,
    );
  });

  test('an event in progress at --from is listed under --from’s day, as the event list does', async () => {
    const out = await markdown([
      AGENDA,
      '--from',
      '2026-10-28T12:00',
      '--to',
      '2026-10-29',
      '--tz',
      'Europe/Berlin',
      '--lang',
      'ro',
    ]);
    assert.equal(
      out,
      [
        '## Miercuri, 28 octombrie 2026',
        '',
        '- mar., 27 oct.–joi, 29 oct. · Toată ziua · Community days · Bucharest',
        '- Toată ziua · Docs day',
        '',
      ].join('\n'),
    );
  });

  test('an empty window says so with its dates (the last day of the window, --to being exclusive)', async () => {
    const [day, month, ja] = await Promise.all([
      markdown([AGENDA, '--from', '2030-01-01', '--to', '2030-01-02', '--tz', 'UTC', '--lang', 'ro']),
      markdown([AGENDA, '--from', '2030-01-01', '--to', '2030-02-01', '--tz', 'UTC']),
      markdown([AGENDA, '--from', '2030-01-01', '--to', '2030-02-01', '--tz', 'UTC', '--lang', 'ja']),
    ]);
    assert.equal(day, 'Nu sunt evenimente pe 1 ianuarie 2030.\n');
    assert.equal(month, 'No events from January 1, 2030 to January 31, 2030.\n');
    assert.equal(ja, '2030年1月1日から2030年1月31日までのイベントはありません。\n');
  });

  test('hostile.ics: markup in the title and location is escaped; the javascript: URL is not linked', async () => {
    const out = await markdown([
      join(ROOT, 'tests', 'fixtures', 'hostile.ics'),
      '--from',
      '2026-11-24',
      '--to',
      '2026-11-25',
      '--tz',
      'UTC',
      '--lang',
      'ro',
    ]);
    // The title's U+202E (right-to-left override) is removed, as in the elements.
    assert.equal(
      out,
      [
        '## Marți, 24 noiembrie 2026',
        '',
        '- 10:00–11:00 UTC · \\<img src=x onerror="window.\\_\\_xss=1"\\>Title evil · \\<script\\>window.\\_\\_xss=2\\</script\\>Room 1 · [Participați](https://zoom.us/j/123)',
        '',
      ].join('\n'),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile feed text, rendered: nothing but the agenda's own markup
// ---------------------------------------------------------------------------------------------

/** Markdown-specific payloads, beside the HTML ones of tests/fixtures/hostile/payloads.json. */
const MARKDOWN_PAYLOADS: readonly string[] = [
  '[click](javascript:alert(1))',
  '[ok](https://evil.example/) and [ref][1]',
  '![image](https://evil.example/x.png)',
  '<https://evil.example/autolink>',
  'see https://evil.example/path and HTTPS://EVIL.EXAMPLE/UPPER',
  'www.evil.example and WWW.EVIL.EXAMPLE',
  'write to me@evil.example or mailto:me@evil.example',
  'first line\n# A heading',
  'first line\n\n<img src=x onerror=alert(1)>',
  'first line\r\n=====',
  'text\n- [x](https://evil.example) a list item\n> a quote',
  '*emphasis* _emphasis_ **strong** ~~struck~~ ~one~ `code` ``double``',
  '&lt;script&gt; &#106;avascript: &amp; &copy;',
  '{{< shortcode >}} {{% shortcode %}} {.class}',
  '$x^2$ and $$y$$',
  'a | b | c',
  'a footnote[^1]\n[^1]: https://evil.example',
  '[1]: https://evil.example "title"',
  'trailing backslash \\',
  'two spaces at the end  ',
  '<!-- a comment --> <?php ?> <![CDATA[x]]>',
  '\\[escaped\\] \\<tag\\>',
  'https://example.org/a_(b)?q=<x>&amp;y=1',
  'https://example.org/x) [evil](https://evil.example',
  'https://example.org/x\\) [evil](https://evil.example/',
  'https://zoom.us/j/1?pwd=a)b](https://evil.example',
  'https://meet.google.com/abc-defg-hij?x=<y>"z\'w{{<x>}}',
  'mailto:a@b.example?subject=a)b',
  '   ',
];

/** What feed text looks like once the engine has read it and the agenda has shown it (spaces collapsed). */
function shown(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is collapsed
  const breaks = /[ \u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;
  return stripBidiControls(text).replace(breaks, ' ').trim();
}

/** The text of rendered HTML: tags removed, micromark's four entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** A URL with every percent-escape decoded (renderers and the agenda encode different characters). */
function decoded(url: string): string {
  return url.replace(/%([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The hrefs of the links in rendered HTML, entity-decoded. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b([^>]*)>/g)].map((m) => {
    const attributes = m[1] ?? '';
    assert.match(attributes, /^ href="[^"]*"$/, `a link has nothing but an href: <a${attributes}>`);
    return textOf(/href="([^"]*)"/.exec(attributes)?.[1] ?? '');
  });
}

/** Characters in `markdown` not preceded by an odd number of backslashes. */
function unescaped(markdown: string, characters: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < markdown.length; i++) {
    if (!characters.includes(markdown[i] ?? '')) continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && markdown[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) found.push(markdown.slice(Math.max(0, i - 20), i + 20));
  }
  return found;
}

interface Row {
  readonly title: string;
  readonly location: string | null;
  readonly url: string | null;
  readonly joinUrl: string | null;
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && 'title' in value && typeof value.title === 'string';
}

const tempDirs: string[] = [];
after(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('list --format markdown on the hostile corpus', () => {
  test('every payload in every field renders as text: the only markup is the agenda’s own', async () => {
    const html: HostilePayload[] = JSON.parse(
      await readFile(join(ROOT, 'tests', 'fixtures', 'hostile', 'payloads.json'), 'utf8'),
    ) as HostilePayload[];
    const payloads = [...html, ...MARKDOWN_PAYLOADS.map((payload) => ({ category: 'markdown', payload }))];
    const start = Date.parse('2026-11-23T08:00:00Z');
    const dir = await mkdtemp(join(tmpdir(), 'otel-calendar-markdown-'));
    tempDirs.push(dir);
    const file = join(dir, 'hostile.ics');
    await writeFile(file, hostileIcs(payloads, start));
    const window = ['--from', '2026-11-23T00:00:00Z', '--to', '2026-11-30T00:00:00Z', '--tz', 'UTC'];
    const [json, md] = await Promise.all([
      run(['list', file, ...window, '--format', 'json']),
      run(['list', file, ...window, '--format', 'markdown']),
    ]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(md.code, 0, md.stderr);
    const rows: unknown = JSON.parse(json.stdout);
    assert.ok(Array.isArray(rows) && rows.every(isRow));
    // Two events per payload, none lost.
    assert.equal(rows.length, payloads.length * 2);
    const markdownText = md.stdout;

    // The Markdown itself: headings, list items and blank lines only; nothing a Hugo page or an
    // extension would read as a shortcode, math or attributes.
    for (const line of markdownText.split('\n')) assert.match(line, /^(## \S.*|- \S.*|)$/, line);
    assert.ok(!markdownText.includes('{{'), 'no Hugo shortcode delimiters');
    // Outside the agenda's own link destinations (URLs, checked below), every markup character is escaped.
    assert.deepEqual(unescaped(markdownText.replace(/\]\([^)]*\)/g, ']'), '<>`*_~|$@{}'), []);

    // Raw HTML and any URL scheme pass through (allowDangerous…): whatever the feed managed to
    // inject would be seen in the HTML.
    const commonMark: Options = { allowDangerousHtml: true, allowDangerousProtocol: true };
    const renderers: readonly (readonly [string, Options])[] = [
      ['CommonMark', commonMark],
      ['GFM', { ...commonMark, extensions: [gfm()], htmlExtensions: [gfmHtml()] }],
    ];
    for (const [name, options] of renderers) {
      const rendered = micromark(markdownText, options);
      const tags = new Set([...rendered.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => m[1]?.toLowerCase()));
      assert.deepEqual([...tags].sort(), ['a', 'h2', 'li', 'ul'], name);
      const items = [...rendered.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1] ?? '');
      assert.equal(items.length, rows.length, `${name}: one list item per occurrence`);
      rows.forEach((row, i) => {
        const item = items[i] ?? '';
        const title = shown(row.title) || '(untitled event)';
        const location = row.location && row.location !== row.joinUrl ? shown(row.location) : '';
        const page = row.url && row.url !== row.joinUrl ? isSafeUrl(row.url) : undefined;
        const join = row.joinUrl ? isSafeUrl(row.joinUrl) : undefined;
        const joinHttp = join && /^https?:/.test(join) ? join : undefined;
        const context = `${name}, row ${i}: ${JSON.stringify(row)}\n${item}`;
        // The text is exactly the feed's (after the time, which is Intl's).
        const suffix = [title, location, joinHttp ? 'Join' : ''].filter(Boolean).join(' · ');
        assert.ok(textOf(item).endsWith(` · ${suffix}`), context);
        // The links are exactly the agenda's: the page (http(s)/mailto), then Join (http(s)).
        assert.deepEqual(
          hrefs(item).map(decoded),
          [page, joinHttp].filter((u) => u !== undefined).map(decoded),
          context,
        );
      });
    }
  });
});
