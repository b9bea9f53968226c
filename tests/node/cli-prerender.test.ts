/**
 * `otel-calendar prerender`, end to end through the built CLI (dist/cli; `npm run build` first), on
 * pages written to a temp folder: what the rendered shadow roots say (zone, language, as-of note),
 * that a second run changes nothing and a run with another `--now` replaces the render rather than
 * nesting one in the other, that the output depends on the page and its data only (not on where
 * the site is built), that an element whose data cannot be read is left as it was with one warning,
 * and that hostile feed text comes out as text: the output is parsed back with parse5 and every
 * node the renders added is checked against what the elements may write.
 *
 * tests/fixtures/daily-and-monthly.ics: a stand-up every day 09:30–09:45 Europe/Berlin, and a
 * discussion group on the third Tuesday 11:00–12:00 Berlin (17 November 2026). Berlin is on CET
 * (UTC+1) all of that week; New York on EST (UTC−5); Tokyo UTC+9.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { hostileIcs, hostileSnapshot, type HostilePayload } from '../fixtures/hostile/generate.js';
import { ROOT, run, type RunResult } from './cli-process.js';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

const CALENDAR = join(ROOT, 'tests', 'fixtures', 'daily-and-monthly.ics');
const NOW = '2026-11-17T05:00:00Z';
const folders: string[] = [];
after(() => Promise.all(folders.map((f) => rm(f, { recursive: true, force: true }))));

/** A site folder with `cal.ics` and each page given. */
async function site(pages: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'otel-prerender-test-'));
  folders.push(folder);
  await cp(CALENDAR, join(folder, 'cal.ics'));
  for (const [name, html] of Object.entries(pages)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), html);
  }
  return folder;
}

function page(body: string, lang = 'en'): string {
  return `<!doctype html>\n<html lang="${lang}">\n<head><meta charset="utf-8"><title>Events</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}

async function prerender(args: readonly string[]): Promise<RunResult> {
  return run(['prerender', ...args]);
}

/** Runs prerender, expecting success and nothing but the summary line on stderr. */
async function prerendered(file: string, args: readonly string[] = []): Promise<string> {
  const result = await prerender([file, '--now', NOW, ...args]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^otel-calendar: prerendered \d+ elements? in 1 page \(1 changed\)\n$/);
  return readFile(file, 'utf8');
}

function children(node: P5Node): P5Node[] {
  const own = 'childNodes' in node ? node.childNodes : [];
  return 'content' in node ? [...own, ...node.content.childNodes] : own;
}

function* walk(node: P5Node): Generator<P5Node> {
  yield node;
  for (const child of children(node)) yield* walk(child);
}

function isElement(node: P5Node): node is P5Element {
  return 'tagName' in node;
}

function attr(el: P5Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** The project's elements of a page, each with its declarative shadow root (if any). */
function elementsOf(html: string): { el: P5Element; templates: P5Element[] }[] {
  const found: { el: P5Element; templates: P5Element[] }[] = [];
  for (const node of walk(parse(html))) {
    if (!isElement(node) || !['otel-event-list', 'otel-discussion-card', 'chatham-notice'].includes(node.tagName))
      continue;
    const templates = node.childNodes.filter(
      (c): c is P5Element => isElement(c) && c.tagName === 'template' && attr(c, 'shadowrootmode') !== undefined,
    );
    found.push({ el: node, templates });
  }
  return found;
}

/** A shadow root's text, one space between runs (styles and the data block left out). */
function textOf(template: P5Element): string {
  const parts: string[] = [];
  const visit = (node: P5Node): void => {
    if (isElement(node) && (node.tagName === 'style' || node.tagName === 'script')) return;
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    for (const child of children(node)) visit(child);
  };
  visit(template);
  return parts
    .join(' ')
    .replace(/\s+/g, ' ')
    .replace(/[\u202f\u2009\u00a0]/g, ' ')
    .trim();
}

describe('otel-calendar prerender', { concurrency: true }, () => {
  test('renders each element in its language and in a named zone, with an as-of note', async () => {
    const folder = await site({
      'events/index.html': page(
        [
          '<otel-event-list src="/cal.ics" days="2" limit="3"><a href="/cal.ics">Calendar</a></otel-event-list>',
          '<otel-event-list src="../cal.ics" days="1" limit="1" lang="ro" timezone="America/New_York"></otel-event-list>',
          '<otel-discussion-card src="/cal.ics" match="Discussion" region="EMEA"></otel-discussion-card>',
          '<chatham-notice variant="inline"></chatham-notice>',
        ].join('\n'),
        'es',
      ),
    });
    const file = join(folder, 'events', 'index.html');
    const html = await prerendered(file, ['--root', folder, '--tz', 'Asia/Tokyo']);
    const [list, romanian, card, notice] = elementsOf(html);
    for (const { el, templates } of [list, romanian, card, notice].map((x) => x!)) {
      assert.equal(templates.length, 1, `<${el.tagName}> has one declarative shadow root`);
      assert.equal(attr(templates[0]!, 'shadowrootmode'), 'open');
    }
    // The page's language (es) and the build's zone (Tokyo: 17:30 and 19:00 for Berlin's 09:30 and 11:00).
    const listText = textOf(list!.templates[0]!);
    assert.match(listText, /martes, 17 de noviembre/);
    assert.match(listText, /17:30 – 17:45 GMT\+9 · 9:30–9:45 CET Daily stand-up/);
    assert.match(listText, /19:00 – 20:00 GMT\+9 · 11:00–12:00 CET Discussion group/);
    assert.match(listText, /Actualizado el 17 de noviembre de 2026 a las 14:00 GMT\+9/);
    // The element's own language and zone win.
    const romanianText = textOf(romanian!.templates[0]!);
    assert.match(romanianText, /marți, 17 noiembrie/);
    assert.match(romanianText, /03:30 – 03:45 GMT-5 · 09:30–09:45 CET Daily stand-up/);
    assert.doesNotMatch(romanianText, /Discussion group/, 'limit="1"');
    // The card: its cadence in words and its next session, in the build's zone.
    const cardText = textOf(card!.templates[0]!);
    assert.match(cardText, /EMEA/);
    assert.match(cardText, /martes/);
    assert.match(cardText, /19:00/);
    assert.match(textOf(notice!.templates[0]!), /Chatham House/);
    // The light DOM stays where it was; links into the site stay root-relative.
    assert.match(html, /<otel-event-list src="\/cal.ics" days="2" limit="3"><template shadowrootmode="open">/);
    assert.match(html, /<\/template><a href="\/cal.ics">Calendar<\/a><\/otel-event-list>/);
    assert.doesNotMatch(html, /\.invalid/);
    // Each calendar element carries its data for the first render in the browser.
    const data = [...walk(list!.templates[0]!)].filter(
      (n): n is P5Element => isElement(n) && n.tagName === 'script' && attr(n, 'data-otel-prerender') !== undefined,
    );
    assert.equal(data.length, 1);
    assert.equal(attr(data[0]!, 'type'), 'application/json');
  });

  test('a second run leaves the same bytes, and the output does not depend on the folder', async () => {
    const body = page('<otel-event-list src="/cal.ics" days="7"></otel-event-list>\n<chatham-notice></chatham-notice>');
    const one = await site({ 'index.html': body });
    const two = await site({ 'index.html': body });
    const first = await prerendered(join(one, 'index.html'));
    const again = await prerender([join(one, 'index.html'), '--now', NOW]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr, 'otel-calendar: prerendered 2 elements in 1 page (0 changed)\n');
    assert.equal(await readFile(join(one, 'index.html'), 'utf8'), first);
    assert.equal(await prerendered(join(two, 'index.html')), first);
  });

  test('a later run replaces the earlier render, never nests in it', async () => {
    const body = page('<otel-event-list src="/cal.ics" days="2"><p>Light DOM</p></otel-event-list>');
    const folder = await site({ 'a.html': body, 'b.html': body });
    await prerendered(join(folder, 'a.html'));
    const later = await prerendered(join(folder, 'a.html'), ['--now', '2026-12-01T05:00:00Z']);
    const fresh = await prerendered(join(folder, 'b.html'), ['--now', '2026-12-01T05:00:00Z']);
    assert.equal(later, fresh);
    const [list] = elementsOf(later);
    assert.equal(list!.templates.length, 1);
    assert.equal(later.match(/shadowrootmode/g)?.length, 1);
    assert.match(textOf(list!.templates[0]!), /1 December|December 1/);
    assert.doesNotMatch(textOf(list!.templates[0]!), /November/);
  });

  test('an element whose data cannot be read is left as it was, with one warning; the others render', async () => {
    const broken = '<otel-event-list src="/missing.ics" days="7"><a href="/missing.ics">Calendar</a></otel-event-list>';
    const folder = await site({
      'index.html': page(`${broken}\n<otel-event-list src="/cal.ics" days="2"></otel-event-list>`),
    });
    const file = join(folder, 'index.html');
    const result = await prerender([file, '--now', NOW]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stderr);
    assert.equal(
      lines[0],
      `otel-calendar: warning: ${file}: <otel-event-list src="/missing.ics"> left as it was: /missing.ics: no file ${join(folder, 'missing.ics')} (check --root)`,
    );
    assert.equal(lines[1], 'otel-calendar: prerendered 1 element in 1 page (1 changed)');
    const html = await readFile(file, 'utf8');
    assert.ok(html.includes(broken), 'the broken element is byte for byte as it was');
    const [left, rendered] = elementsOf(html);
    assert.equal(left!.templates.length, 0);
    assert.equal(rendered!.templates.length, 1);

    // --strict: the same page fails the build (and is still written, so nothing rendered is lost).
    const strict = await prerender([file, '--now', NOW, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /warning: .*missing\.ics/);
  });

  test('a page that cannot be read: one line, exit 1, the other pages done', async () => {
    const folder = await site({ 'ok.html': page('<chatham-notice></chatham-notice>') });
    const result = await prerender([join(folder, 'nope.html'), join(folder, 'ok.html'), '--now', NOW]);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      `otel-calendar: error: ${join(folder, 'nope.html')}: no such file\n` +
        'otel-calendar: prerendered 1 element in 2 pages (1 changed)\n',
    );
    assert.match(await readFile(join(folder, 'ok.html'), 'utf8'), /shadowrootmode/);
  });

  test("a page's CSP <meta> gets the hashes of the styles written, where it needs them", async () => {
    const metas = [
      "default-src 'self'",
      "style-src 'self'; script-src 'self'",
      "style-src-elem 'none'",
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
    ];
    const folder = await site({
      'index.html': page(
        [
          ...metas.map((policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`),
          '<otel-event-list src="/cal.ics" days="2"></otel-event-list>',
          '<chatham-notice></chatham-notice>',
        ].join('\n'),
      ),
    });
    const file = join(folder, 'index.html');
    const result = await prerender([file, '--now', NOW, '--style-hashes']);
    assert.equal(result.code, 0, result.stderr);
    const html = await readFile(file, 'utf8');
    // --style-hashes prints one source expression per distinct <style> written: the two elements' own.
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
    const expected = [
      ...new Set(styles.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`)),
    ];
    assert.equal(expected.length, 2);
    const printed = result.stdout.trimEnd().split('\n');
    assert.deepEqual(printed, [...expected].sort());
    const hashes = printed.join(' ');
    const policies = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)].map(
      (m) => m[1],
    );
    assert.deepEqual(policies, [
      `default-src 'self'; style-src 'self' ${hashes}`,
      `style-src 'self' ${hashes}; script-src 'self'`,
      `style-src-elem ${hashes}`,
      "style-src 'self' 'unsafe-inline'",
      "script-src 'self'",
    ]);
    const again = await prerender([file, '--now', NOW]);
    assert.match(again.stderr, /\(0 changed\)/);
  });

  test('usage errors name the option', async () => {
    const none = await prerender([]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /prerender needs one or more HTML pages/);
    const zone = await prerender(['x.html', '--tz', 'Mars/Olympus']);
    assert.equal(zone.code, 2);
    assert.match(zone.stderr, /Mars\/Olympus/);
    assert.doesNotMatch(none.stderr + zone.stderr, /\n\s+at /, 'no stack trace');
  });
});

/**
 * What the renders may add to a page: these elements, attributes that carry no script, and URLs
 * that are http(s), mailto, a fragment or root-relative.
 */
const ALLOWED_TAGS = new Set([
  'template', 'style', 'script', 'div', 'p', 'span', 'small', 'strong', 'em', 'b', 'i', 'u', 's', 'br', 'hr',
  'section', 'article', 'header', 'footer', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'time',
  'details', 'summary', 'slot', 'button', 'code', 'pre', 'blockquote', 'abbr', 'svg', 'path', 'use',
]); // prettier-ignore
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'srcset', 'background']);

function isSafeRenderedUrl(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('#')) return true;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return true;
  return /^(https?:\/\/|mailto:)/i.test(trimmed);
}

describe('otel-calendar prerender on hostile feeds', () => {
  test('feed text comes out as text: no script, no handler, no unsafe URL, no foreign element', async () => {
    const payloads = JSON.parse(
      await readFile(join(ROOT, 'tests', 'fixtures', 'hostile', 'payloads.json'), 'utf8'),
    ) as HostilePayload[];
    const start = Date.parse('2026-11-17T06:00:00Z');
    const written = page(
      [
        '<otel-event-list src="/hostile.ics" days="7" limit="1000"></otel-event-list>',
        '<otel-event-list src="/hostile.json" days="7" limit="1000"></otel-event-list>',
        '<otel-discussion-card src="/hostile.ics" match="script"></otel-discussion-card>',
      ].join('\n'),
    );
    const folder = await site({ 'index.html': written });
    await writeFile(join(folder, 'hostile.ics'), hostileIcs(payloads, start));
    await writeFile(join(folder, 'hostile.json'), JSON.stringify(hostileSnapshot(payloads, start)));
    const file = join(folder, 'index.html');
    const result = await prerender([file, '--now', NOW, '--strict']);
    assert.equal(result.code, 0, result.stderr);
    const html = await readFile(file, 'utf8');
    const found = elementsOf(html);
    assert.equal(found.length, 3);
    let rows = 0;
    for (const { el, templates } of found) {
      assert.equal(templates.length, 1, `<${el.tagName} src=${attr(el, 'src')}> rendered`);
      for (const node of walk(templates[0]!)) {
        if (!isElement(node) || node === templates[0]) continue;
        assert.ok(ALLOWED_TAGS.has(node.tagName), `<${node.tagName}> in a render`);
        if (node.tagName === 'li' && attr(node, 'part')?.split(' ').includes('event')) rows++;
        if (node.tagName === 'script') {
          assert.equal(attr(node, 'type'), 'application/json');
          assert.notEqual(attr(node, 'data-otel-prerender'), undefined);
          const text = node.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
          assert.doesNotMatch(text, /</, 'no markup can close the data block');
          assert.doesNotThrow(() => JSON.parse(text));
        }
        for (const { name, value } of node.attrs) {
          assert.doesNotMatch(name, /^on/i, `<${node.tagName} ${name}>`);
          assert.notEqual(name, 'style', `<${node.tagName} style>`);
          if (URL_ATTRIBUTES.has(name)) assert.ok(isSafeRenderedUrl(value), `<${node.tagName} ${name}="${value}">`);
        }
      }
    }
    // Every payload twice (as text and as HTML) in each of the two lists.
    assert.equal(rows, 2 * 2 * payloads.length, `every hostile event is listed (${rows})`);
    // The page outside the renders is the page as written.
    // Outside the renders, the page is the page as written.
    assert.equal(html.replace(/<template shadowrootmode="open">[\s\S]*?<\/template>(?=<\/otel-)/g, ''), written);
    assert.equal(html.match(/<script\b/g)?.length, 3, 'each element carries its data; nothing else is a script');
  });
});
