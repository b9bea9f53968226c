/**
 * The CDN files in dist/cdn/ (written by `npm run build`): what each one loads up front — the
 * file and the chunks it imports statically, transitively — must not include the ICS parser
 * (`chunks/ics-parser-*.js`, and ical.js in `chunks/ical-*.js`), which only dynamic `import()`s
 * reach. Sizes (min+gzip) are printed for the report; budgets are `npm run size`'s job.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CDN = join(ROOT, 'dist', 'cdn');
const ENTRIES = ['otel-widgets.js', 'event-list.js', 'discussion-card.js', 'chatham-notice.js'];
const PARSER = /^chunks\/(?:ics-parser|ical)-[\w-]+\.js$/;

/** Relative specifiers of a minified ES module: static (`import … from`, `export … from`, bare `import "…"`) and dynamic. */
function specifiers(code: string): { readonly static: string[]; readonly dynamic: string[] } {
  const dynamic = [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1] ?? '');
  const withoutDynamic = code.replace(/\bimport\(\s*["'][^"']+["']\s*\)/g, '');
  const statics = [...withoutDynamic.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)].map(
    (m) => m[1] ?? '',
  );
  return { static: statics, dynamic };
}

/** The files a page loads up front for `entry` (paths relative to dist/cdn). */
function upFront(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(CDN, entry), 'utf8');
  for (const specifier of specifiers(code).static) upFront(relative(CDN, join(CDN, dirname(entry), specifier)), seen);
  return seen;
}

/** Every file reachable from `entry`, through static and dynamic imports. */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(join(CDN, entry), 'utf8');
  const { static: statics, dynamic } = specifiers(code);
  for (const specifier of [...statics, ...dynamic])
    reachable(relative(CDN, join(CDN, dirname(entry), specifier)), seen);
  return seen;
}

const gzipKb = (files: Iterable<string>): string =>
  `${([...files].reduce((sum, f) => sum + gzipSync(readFileSync(join(CDN, f)), { level: 9 }).length, 0) / 1024).toFixed(1)} KB`;

describe('CDN files: the ICS parser is a lazily loaded chunk', () => {
  before(() => assert.ok(existsSync(join(CDN, 'otel-widgets.js')), 'run `npm run build` first (npm test does)'));

  it('dist/cdn holds the four entries with source maps, and named parser chunks', () => {
    for (const entry of ENTRIES) {
      assert.ok(existsSync(join(CDN, entry)), entry);
      assert.ok(existsSync(join(CDN, `${entry}.map`)), `${entry}.map`);
    }
    const chunks = readdirSync(join(CDN, 'chunks')).filter((f) => f.endsWith('.js'));
    assert.ok(
      chunks.some((f) => f.startsWith('ics-parser-')),
      chunks.join(' '),
    );
  });

  for (const entry of ENTRIES) {
    it(`${entry}: no parser chunk up front${entry === 'chatham-notice.js' ? ', none at all' : ', one behind import()'}`, (t) => {
      const initial = upFront(entry);
      const all = reachable(entry);
      const parser = [...all].filter((f) => PARSER.test(f));
      t.diagnostic(
        `${entry}: up front ${[...initial].join(' + ')} = ${gzipKb(initial)} min+gzip; parser chunks ${parser.join(' + ') || '—'} = ${gzipKb(parser)}`,
      );
      assert.deepEqual(
        [...initial].filter((f) => PARSER.test(f)),
        [],
      );
      if (entry === 'chatham-notice.js') assert.deepEqual(parser, []);
      else {
        assert.ok(
          parser.some((f) => f.startsWith('chunks/ics-parser-')),
          `reachable: ${[...all].join(' ')}`,
        );
        // ical.js (MPL-2.0) is in a chunk of its own that starts with its licence notice.
        const ical = parser.filter((f) => f.startsWith('chunks/ical-'));
        assert.equal(ical.length, 1, `reachable: ${[...all].join(' ')}`);
        assert.match(
          readFileSync(join(CDN, ical[0] ?? ''), 'utf8'),
          /^\/\*! Contains ical\.js [\d.]+ .*Mozilla Public License/,
        );
      }
    });
  }

  it('the files import only relative URLs (no bare specifiers, which a page without an import map cannot resolve)', () => {
    for (const entry of ENTRIES) {
      const code = readFileSync(join(CDN, entry), 'utf8');
      assert.doesNotMatch(code, /\bfrom\s*["'](?!\.{1,2}\/)[^"']+["']/, `${entry} imports a bare specifier`);
    }
  });
});
