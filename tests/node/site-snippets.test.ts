/**
 * The playground's model (demo/playground-snippets.ts) and the manifest check's difference summary
 * (scripts/check-manifest.js): pure functions, checked against hand-written expectations.
 */
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import {
  cdnSnippet,
  cdnUrl,
  elementAttributes,
  elementMarkup,
  hugoSnippet,
  npmSnippet,
  type PlaygroundOptions,
  sourceHint,
} from '../../demo/playground-snippets.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const DEFAULTS: PlaygroundOptions = {
  source: 'ics',
  src: 'https://example.org/community.ics',
  googleCalendarId: '',
  googleApiKey: '',
  proxy: '',
  lang: '',
  timezone: '',
  groupBy: 'day',
  days: 30,
  limit: 10,
  filter: '',
  headingLevel: 3,
  showCancelled: false,
  theme: undefined,
};

describe('playground snippets', () => {
  it('leaves the element defaults out', () => {
    assert.deepEqual(elementAttributes(DEFAULTS), [['src', 'https://example.org/community.ics']]);
    assert.equal(
      elementMarkup(DEFAULTS),
      '<otel-event-list src="https://example.org/community.ics">\n  <a href="https://example.org/community.ics">Community calendar</a>\n</otel-event-list>',
    );
  });

  it('writes every changed option as the attribute the element reads', () => {
    const options: PlaygroundOptions = {
      ...DEFAULTS,
      lang: 'es',
      timezone: 'Asia/Tokyo',
      groupBy: 'month',
      days: 60,
      limit: 5,
      filter: ' SIG ',
      headingLevel: 2,
      showCancelled: true,
    };
    assert.deepEqual(elementAttributes(options), [
      ['src', 'https://example.org/community.ics'],
      ['lang', 'es'],
      ['timezone', 'Asia/Tokyo'],
      ['days', '60'],
      ['limit', '5'],
      ['filter', 'SIG'],
      ['group-by', 'month'],
      ['heading-level', '2'],
      ['show-cancelled', ''],
    ]);
    assert.match(
      elementMarkup(options),
      /^<otel-event-list\n {2}src="https:\/\/example\.org\/community\.ics"\n {2}lang="es"\n[\s\S]* {2}show-cancelled\n>\n/,
    );
  });

  it('a Google source gives the id and key, no src and no proxy', () => {
    const options: PlaygroundOptions = {
      ...DEFAULTS,
      source: 'google',
      googleCalendarId: 'team@group.calendar.google.com',
      googleApiKey: 'KEY',
      proxy: 'https://p/?u={url}',
    };
    assert.deepEqual(elementAttributes(options), [
      ['google-calendar-id', 'team@group.calendar.google.com'],
      ['google-api-key', 'KEY'],
    ]);
    assert.match(
      elementMarkup(options),
      /href="https:\/\/calendar\.google\.com\/calendar\/embed\?src=team%40group\.calendar\.google\.com"/,
    );
  });

  it('escapes what a user types, so a snippet stays one element', () => {
    const markup = elementMarkup({ ...DEFAULTS, filter: '"><script>alert(1)</script>' });
    assert.ok(markup.includes('filter="&quot;>&lt;script>alert(1)&lt;/script>"'), markup);
    assert.equal(markup.match(/</g)?.length, 4, 'no tag besides the element, the link and their closing tags');
    const hugo = hugoSnippet({ ...DEFAULTS, filter: 'a "b" \\ c' });
    assert.ok(hugo.includes('filter="a \\"b\\" \\\\ c"'), hugo);
  });

  it('the CDN snippet loads the versioned all-in-one file, then the theme, then the element', () => {
    const snippet = cdnSnippet({ ...DEFAULTS, theme: { accent: '#123456', radius: 4 } }, '1.2.3');
    assert.equal(cdnUrl('1.2.3'), 'https://cdn.jsdelivr.net/npm/otel-community-widgets@1.2.3/dist/cdn/otel-widgets.js');
    const [script, style, element] = snippet.split('\n\n');
    assert.equal(script, `<script type="module" src="${cdnUrl('1.2.3')}"></script>`);
    assert.equal(
      style,
      '<style>\n  otel-event-list {\n    --otel-color-accent: #123456;\n    --otel-radius: 4px;\n  }\n</style>',
    );
    assert.equal(element, elementMarkup(DEFAULTS));
  });

  it('the npm snippet imports the define module', () => {
    assert.ok(npmSnippet(DEFAULTS).includes("import 'otel-community-widgets/event-list';"));
  });

  it('the Hugo shortcode uses src, timezone, lang, days, group-by (and limit, filter, heading-level)', () => {
    assert.equal(hugoSnippet(DEFAULTS), '{{< otel-events src="https://example.org/community.ics" >}}');
    assert.equal(
      hugoSnippet({ ...DEFAULTS, timezone: 'Europe/Berlin', lang: 'es', days: 14, groupBy: 'none', limit: 3 }),
      '{{< otel-events src="https://example.org/community.ics" timezone="Europe/Berlin" lang="es" days="14" limit="3" group-by="none" >}}',
    );
    const google = hugoSnippet({ ...DEFAULTS, source: 'google', googleCalendarId: 'team@group.calendar.google.com' });
    assert.match(
      google,
      /otel-calendar snapshot "https:\/\/calendar\.google\.com\/calendar\/ical\/team%40group\.calendar\.google\.com\/public\/basic\.ics" -o static\/calendar\/community\.json/,
    );
    assert.ok(google.endsWith('{{< otel-events src="/calendar/community.json" >}}'), google);
  });
});

describe('check-manifest: the difference summary', async () => {
  const { jsonDifferences } = (await import(pathToFileURL(join(ROOT, 'scripts', 'check-manifest.js')).href)) as {
    jsonDifferences: (expected: unknown, actual: unknown) => string[];
  };
  const manifest = (attributes: Array<{ name: string; type?: string }>): unknown => ({
    modules: [{ path: 'src/a.ts', declarations: [{ tagName: 'x-a', attributes }] }],
  });

  it('is empty for equal manifests', () => {
    assert.deepEqual(jsonDifferences(manifest([{ name: 'src' }]), manifest([{ name: 'src' }])), []);
  });

  it('names an added attribute once, by tag and name, not every entry after it', () => {
    assert.deepEqual(
      jsonDifferences(
        manifest([{ name: 'src' }, { name: 'days' }]),
        manifest([{ name: 'lang' }, { name: 'src' }, { name: 'days' }]),
      ),
      ['added   .modules[src/a.ts].declarations[x-a].attributes[lang]'],
    );
  });

  it('names changed and removed values', () => {
    assert.deepEqual(
      jsonDifferences(
        manifest([{ name: 'src', type: 'string' }, { name: 'days' }]),
        manifest([{ name: 'src', type: 'number' }]),
      ),
      [
        'changed .modules[src/a.ts].declarations[x-a].attributes[src].type: "string" → "number"',
        'removed .modules[src/a.ts].declarations[x-a].attributes[days]',
      ],
    );
  });
});

describe('playground source hints', () => {
  it("says why Google's ICS address cannot work in a browser, and what to do", () => {
    const hint = sourceHint({
      ...DEFAULTS,
      src: 'https://calendar.google.com/calendar/ical/team%40group.calendar.google.com/public/basic.ics',
    });
    assert.match(hint ?? '', /no CORS headers/);
    assert.match(hint ?? '', /team@group\.calendar\.google\.com/);
    assert.equal(
      sourceHint({
        ...DEFAULTS,
        src: 'https://calendar.google.com/calendar/ical/x/public/basic.ics',
        proxy: 'https://p/?u={url}',
      }),
      undefined,
      'a proxy can read it',
    );
  });

  it('spots a calendar id in the URL field, and a Google source without a key', () => {
    assert.match(sourceHint({ ...DEFAULTS, src: 'team@group.calendar.google.com' }) ?? '', /calendar id/);
    assert.match(
      sourceHint({ ...DEFAULTS, source: 'google', googleCalendarId: 'team@group.calendar.google.com' }) ?? '',
      /API key/,
    );
    assert.equal(sourceHint({ ...DEFAULTS, source: 'google', googleCalendarId: 'a@b', googleApiKey: 'k' }), undefined);
    assert.equal(sourceHint(DEFAULTS), undefined);
  });
});
