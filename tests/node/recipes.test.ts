/**
 * Keeps the recipes (docs/recipes/, examples/) working:
 * - React 19: examples/react/*.tsx typecheck against the package's JSX types (src/jsx/react.ts,
 *   shipped as `otel-community-widgets/jsx`), and wrong usages do not;
 * - Vue 3: examples/vue/*.vue compile, with the otel tags as custom elements (isCustomElement);
 * - Svelte 5: examples/svelte/*.svelte compile for client and server without errors or warnings,
 *   with the elements' events wired as DOM events;
 * - Hugo: examples/hugo builds with real Hugo, then `otel-calendar prerender` writes the elements
 *   into its pages (scripts/build-hugo-example.js, time pinned), and its own `npm run build` works;
 * - CORS proxy: examples/cors-proxy/worker.js follows the recipe's rules, against a local upstream.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import ts from 'typescript';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import { compile } from 'svelte/compiler';
import { isOtelElement } from '../../examples/vue/custom-elements.js';
import { handleRequest } from '../../examples/cors-proxy/worker.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = join(ROOT, 'examples');

/** Files of one extension in an examples folder. */
async function exampleFiles(folder: string, extension: string): Promise<string[]> {
  const names = (await readdir(join(EXAMPLES, folder))).filter((name) => name.endsWith(extension)).sort();
  assert.ok(names.length > 0, `no ${extension} files in examples/${folder}`);
  return names.map((name) => join(EXAMPLES, folder, name));
}

// ---------------------------------------------------------------------------------------------
// React 19 + TypeScript
// ---------------------------------------------------------------------------------------------

/** The package's entry points as a React project resolves them (package.json `exports`, plus `./jsx`). */
const PACKAGE_PATHS: Record<string, string[]> = {
  'otel-community-widgets/jsx': [join(ROOT, 'src/jsx/react.ts')],
  'otel-community-widgets/event-list': [join(ROOT, 'src/elements/event-list/define.ts')],
  'otel-community-widgets/discussion-card': [join(ROOT, 'src/elements/discussion-card/define.ts')],
  'otel-community-widgets/chatham-notice': [join(ROOT, 'src/elements/chatham-notice/define.ts')],
};

const REACT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  skipLibCheck: true,
  paths: PACKAGE_PATHS,
};

/** Type errors of `files`, plus in-memory files (name → text) in examples/react. */
function typeErrors(files: readonly string[], extra: Readonly<Record<string, string>> = {}): string[] {
  const host = ts.createCompilerHost(REACT_OPTIONS);
  const virtual = new Map(Object.entries(extra).map(([name, text]) => [join(EXAMPLES, 'react', name), text]));
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const text = virtual.get(name);
    return text === undefined ? getSourceFile(name, language, ...rest) : ts.createSourceFile(name, text, language);
  };
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const program = ts.createProgram([...files, ...virtual.keys()], REACT_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.slice(ROOT.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** Usages the JSX types must reject (each an in-memory file checked with the examples). */
const WRONG_USAGES: Record<string, string> = {
  'wrong-group-by.tsx': `<otel-event-list group-by="week" />`,
  'wrong-days.tsx': `<otel-event-list days={{ n: 30 }} />`,
  'wrong-event.tsx': `<otel-event-list onotel-load={(e: import('otel-community-widgets/event-list').OtelErrorEvent) => e.error} />`,
  'wrong-variant.tsx': `<chatham-notice variant="popup" />`,
  'wrong-prop.tsx': `<otel-discussion-card cadence="monthly" />`,
};

describe('React 19 recipe', () => {
  // One program for the examples and the wrong usages (building one takes seconds).
  let errors: string[] = [];
  before(async () => {
    const wrong = Object.fromEntries(
      Object.entries(WRONG_USAGES).map(([name, jsx]) => [
        name,
        `import type {} from 'otel-community-widgets/jsx';\nexport const x = ${jsx};\n`,
      ]),
    );
    errors = typeErrors(await exampleFiles('react', '.tsx'), wrong);
  });

  test('examples/react/*.tsx typecheck with otel-community-widgets/jsx', () => {
    assert.deepEqual(
      errors.filter((e) => !Object.keys(WRONG_USAGES).some((name) => e.includes(name))),
      [],
    );
  });

  test('the JSX types reject wrong attribute values, event types and unknown props', () => {
    for (const [name, jsx] of Object.entries(WRONG_USAGES)) {
      assert.ok(
        errors.some((e) => e.includes(name)),
        `${name} should not typecheck: ${jsx}`,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Vue 3
// ---------------------------------------------------------------------------------------------

describe('Vue 3 recipe', () => {
  test('examples/vue/*.vue compile with the otel tags as custom elements', async () => {
    for (const file of await exampleFiles('vue', '.vue')) {
      const { descriptor, errors } = parse(await readFile(file, 'utf8'), { filename: file });
      assert.deepEqual(errors, [], file);
      const script = compileScript(descriptor, { id: 'recipe' });
      assert.ok(script.content.length > 0);
      const template = descriptor.template?.content ?? '';
      const tags = [...template.matchAll(/<((?:otel-[\w-]+)|chatham-notice)\b/g)].map((m) => m[1] ?? '');
      assert.ok(tags.length > 0, `${file} uses no element`);

      const compiled = compileTemplate({
        source: template,
        filename: file,
        id: 'recipe',
        compilerOptions: { isCustomElement: isOtelElement },
      });
      assert.deepEqual(compiled.errors, [], file);
      for (const tag of tags) {
        assert.ok(!compiled.code.includes(`_resolveComponent("${tag}")`), `${tag} compiled as a Vue component`);
        assert.ok(compiled.code.includes(`("${tag}"`), `${tag} not created as an element`);
      }
      // Without the option Vue would look the tags up as components: the option is what matters.
      const plain = compileTemplate({ source: template, filename: file, id: 'recipe' });
      assert.ok(plain.code.includes(`_resolveComponent("${tags[0]}")`));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Svelte 5
// ---------------------------------------------------------------------------------------------

describe('Svelte 5 recipe', () => {
  test('examples/svelte/*.svelte compile for client and server without warnings', async () => {
    for (const file of await exampleFiles('svelte', '.svelte')) {
      const source = await readFile(file, 'utf8');
      for (const generate of ['client', 'server'] as const) {
        const result = compile(source, { filename: file, generate });
        assert.deepEqual(
          result.warnings.map((w) => `${w.code}: ${w.message}`),
          [],
          `${file} (${generate})`,
        );
        if (generate === 'client') {
          for (const [, event] of source.matchAll(/\bon(otel-[\w-]+)=/g)) {
            assert.ok(result.js.code.includes(`$.event('${event}'`), `${event} is not listened to as a DOM event`);
          }
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Hugo (real Hugo: Debian's package, installed by `npm test` like the browsers)
// ---------------------------------------------------------------------------------------------

interface SystemTools {
  findTool(name: string): string | null;
  ensureSystemTools(names: string[]): number;
}
// scripts/ is plain JavaScript without type declarations: imported by URL, typed here.
const { findTool } = (await import(pathToFileURL(join(ROOT, 'scripts/system-tools.js')).href)) as SystemTools;
const { ensureSystemTools } = (await import(
  pathToFileURL(join(ROOT, 'scripts/ensure-system-tools.js')).href
)) as SystemTools;

const HUGO_SITE = join(EXAMPLES, 'hugo');
/** The time the pinned builds are "as of". */
const BUILT_AT = '2026-03-02T09:00:00Z';

/** A copy of the example site without what a build writes into it. */
async function copyHugoSite(to: string): Promise<void> {
  const generated =
    /^(public|resources|\.hugo_build\.lock|node_modules)$|calendar\/(community\.(ics|json)|agenda\..+\.md)$/;
  await cp(HUGO_SITE, to, {
    recursive: true,
    filter: (file) => !generated.test(relative(HUGO_SITE, file).split(sep).join('/')),
  });
}

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

/** Every element named `tag` under `node`, declarative shadow roots (template contents) included. */
function elementsNamed(node: P5Node, tag: string, found: P5Element[] = []): P5Element[] {
  if ('tagName' in node && node.tagName === tag) found.push(node);
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of [...children, ...('content' in node ? [node.content] : [])]) elementsNamed(child, tag, found);
  return found;
}

/** The text of a node, its declarative shadow root's included, whitespace collapsed. */
function textOf(node: P5Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  if ('tagName' in node && (node.tagName === 'style' || node.tagName === 'script')) return '';
  const children = 'childNodes' in node ? node.childNodes : [];
  return [...children, ...('content' in node ? [node.content] : [])].map(textOf).join(' ').replace(/\s+/g, ' ').trim();
}

const attributeOf = (el: P5Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

/** The shadow root an element was given at build time. */
function shadowOf(el: P5Element): P5Element {
  const template = el.childNodes.find(
    (child): child is P5Element => 'tagName' in child && child.tagName === 'template',
  );
  assert.ok(template && attributeOf(template, 'shadowrootmode') === 'open', `<${el.tagName}> was not prerendered`);
  return template;
}

/** One element of a built page, with its build-time shadow root's text. */
function builtElement(page: P5Node, tag: string): { el: P5Element; shadow: P5Element; text: string } {
  const [el] = elementsNamed(page, tag);
  assert.ok(el, `no <${tag}> in the page`);
  const shadow = shadowOf(el);
  return { el, shadow, text: textOf(shadow) };
}

/** Every built page under `dir`, by path relative to it. */
async function builtPages(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.html')).sort();
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)),
  );
}

describe('Hugo recipe', () => {
  let work = '';
  /** Why the tests cannot run here, if they cannot. */
  let noHugo: string | undefined;

  before(async () => {
    // npm test installs Hugo first; a run on its own installs it the same way when it can.
    if (findTool('hugo') === null && ensureSystemTools(['hugo']) !== 0)
      noHugo = 'Hugo is not installed and cannot be installed here (the command is printed above)';
    work = await mkdtemp(join(tmpdir(), 'otel-hugo-'));
  });

  after(() => rm(work, { recursive: true, force: true }));

  /** Builds a copy of the example with scripts/build-hugo-example.js, as of BUILT_AT. */
  async function build(name: string): Promise<string> {
    const site = join(work, `${name}-site`);
    const out = join(work, name);
    await copyHugoSite(site);
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/build-hugo-example.js'),
        '--site',
        site,
        '--out',
        out,
        '--base-url',
        'https://example.org/',
        '--now',
        BUILT_AT,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    return out;
  }

  test('hugo, snapshot and prerender: the elements are in the built HTML, and the build is repeatable', async (t) => {
    if (noHugo) return t.skip(noHugo);
    const out = await build('a');
    const pages = await builtPages(out);
    const page = parseHtml(pages.get(join('es', 'events', 'index.html')) ?? '');

    const list = builtElement(page, 'otel-event-list');
    assert.equal(attributeOf(list.el, 'src'), '/calendar/community.json', 'the calendar, relative to baseURL');
    assert.match(list.text, /lunes, 2 de marzo .*15:00 – 16:00 UTC · 16:00–17:00 CET SIG: Semantic Conventions Unirse/);
    assert.match(list.text, /Actualizado el 2 de marzo de 2026 a las 9:00 UTC\.$/);
    const joins = elementsNamed(list.shadow, 'a').filter((a) => attributeOf(a, 'part') === 'join');
    assert.equal(attributeOf(joins[0] as P5Element, 'href'), 'https://meet.google.com/otl-semc-onv');

    const card = builtElement(page, 'otel-discussion-card');
    assert.equal(attributeOf(card.el, 'src'), '/calendar/community.ics');
    assert.match(card.text, /Cuándo cada tercer martes del mes a las 11:00 CET/);
    assert.match(card.text, /Próximas sesiones mar, 17 mar, 10:00 – 11:00 UTC · 11:00–12:00 CET Próxima sesión/);
    assert.match(builtElement(page, 'chatham-notice').text, /^Regla de Chatham House Cuando una reunión/);

    // What the script reads to take over, and no other script: the content is inert.
    for (const { shadow } of [list, card]) {
      const scripts = elementsNamed(shadow, 'script');
      assert.deepEqual(
        scripts.map((s) => attributeOf(s, 'type')),
        ['application/json'],
      );
      const data = JSON.parse(textOf(scripts[0]?.childNodes[0] as P5Node)) as { asOf: string };
      assert.equal(data.asOf, BUILT_AT);
    }

    // The English page: the list's own zone, English texts.
    const english = parseHtml(pages.get(join('events', 'index.html')) ?? '');
    assert.match(builtElement(english, 'otel-event-list').text, /As of March 2, 2026 at 10:00 AM GMT\+1\.$/);
    assert.match(builtElement(english, 'chatham-notice').text, /^Chatham House Rule /);

    // The same input and time: the same bytes.
    assert.deepEqual(await builtPages(await build('b')), pages);
  });

  test('the otel-agenda shortcode: the Markdown agenda of the page’s language, as of when it was written', async (t) => {
    if (noHugo) return t.skip(noHugo);
    const pages = await builtPages(join(work, 'a'));
    const spanish = pages.get(join('es', 'agenda', 'index.html')) ?? '';
    assert.match(
      spanish,
      /<p><em>Actualizado el 2 de marzo de 2026\.<\/em><\/p><h2 id=[^>]+>Lunes, 2 de marzo de 2026<\/h2>/,
    );
    assert.match(
      spanish,
      /<li>15:00–16:00 UTC \(16:00–17:00 CET\) · SIG: Semantic Conventions · <a href=https:\/\/meet\.google\.com\/otl-semc-onv>Unirse<\/a><\/li>/,
    );
    const english = pages.get(join('agenda', 'index.html')) ?? '';
    assert.match(english, /<p><em>As of March 2, 2026\.<\/em><\/p><h2 id=[^>]+>Monday, March 2, 2026<\/h2>/);
  });

  test('the example’s own `npm run build` works as written', async (t) => {
    if (noHugo) return t.skip(noHugo);
    // The example as a site owner has it, with the demo calendar in place of the Google URL and
    // otel-calendar (the installed package's bin) being this repository's build.
    const site = join(work, 'npm-site');
    await copyHugoSite(site);
    const pkgFile = join(site, 'package.json');
    const pkg = JSON.parse(await readFile(pkgFile, 'utf8')) as { config: { calendar: string } };
    assert.match(pkg.config.calendar, /^https:\/\/calendar\.google\.com\//);
    pkg.config.calendar = join(ROOT, 'demo/calendar/community.ics');
    await writeFile(pkgFile, JSON.stringify(pkg));
    const bin = join(site, 'node_modules', '.bin');
    await mkdir(bin, { recursive: true });
    await writeFile(
      join(bin, 'otel-calendar'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli/otel-calendar.js')}" "$@"\n`,
      { mode: 0o755 },
    );
    const hugo = findTool('hugo') ?? 'hugo';
    const result = spawnSync('npm', ['run', 'build'], {
      cwd: site,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dirname(hugo)}${delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stderr, /otel-calendar: prerendered 6 elements in \d+ pages/);
    const pages = await builtPages(join(site, 'public'));
    const page = parseHtml(pages.get(join('es', 'events', 'index.html')) ?? '');
    for (const tag of ['otel-event-list', 'otel-discussion-card', 'chatham-notice'])
      assert.ok(builtElement(page, tag).text.length > 0, tag);
    assert.match(builtElement(page, 'otel-event-list').text, /UTC .*Actualizado el /);
    assert.match(pages.get(join('es', 'agenda', 'index.html')) ?? '', /<em>Actualizado el [^<]+<\/em><\/p><h2 /);
  });
});

// ---------------------------------------------------------------------------------------------
// CORS proxy (the Cloudflare Worker, run in Node: both have fetch, Request and Response)
// ---------------------------------------------------------------------------------------------

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n';
const SITE = 'https://site.example';

describe('CORS proxy recipe (examples/cors-proxy/worker.js)', () => {
  let server: Server;
  let upstream = '';
  let env: Record<string, string>;

  before(async () => {
    server = createServer((req, res) => {
      if (req.headers.cookie) res.setHeader('X-Saw-Cookie', 'yes');
      if (req.url === '/cal/basic.ics') {
        res.writeHead(200, {
          'Content-Type': 'text/calendar; charset=UTF-8',
          ETag: '"v1"',
          'Set-Cookie': 'tracking=1',
        });
        res.end(ICS);
      } else if (req.url === '/cal/login') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>sign in</html>');
      } else if (req.url === '/cal/moved') {
        res.writeHead(302, { Location: 'http://127.0.0.2/elsewhere.ics' });
        res.end();
      } else if (req.url === '/cal/moved-inside') {
        res.writeHead(302, { Location: '/cal/basic.ics' });
        res.end();
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('no');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    upstream = `http://127.0.0.1:${port}`;
    env = { ALLOWED_HOSTS: `127.0.0.1:${port}/cal/`, ALLOWED_ORIGINS: SITE, ALLOW_HTTP: 'true' };
  });

  after(() => new Promise<void>((done) => server.close(() => done())));

  /** What the element requests: the template's {url} replaced by the encoded calendar URL. */
  function proxied(url: string, init: RequestInit = {}, origin: string | null = SITE): Promise<Response> {
    const headers = new Headers(init.headers);
    if (origin) headers.set('Origin', origin);
    return handleRequest(
      new Request(`https://proxy.example/?url=${encodeURIComponent(url)}`, { ...init, headers }),
      env,
    );
  }

  test('passes an allowed calendar with CORS, Vary, caching and content-type headers', async () => {
    const response = await proxied(`${upstream}/cal/basic.ics`, { headers: { Cookie: 'session=secret' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), SITE);
    assert.equal(response.headers.get('Vary'), 'Origin');
    assert.equal(response.headers.get('Content-Type'), 'text/calendar; charset=utf-8');
    assert.match(response.headers.get('Cache-Control') ?? '', /^public, max-age=\d+/);
    assert.equal(response.headers.get('ETag'), '"v1"');
    assert.equal(response.headers.get('Set-Cookie'), null);
    assert.equal(await response.text(), ICS);
  });

  test('refuses hosts and paths off the allow-list, other schemes and other origins', async () => {
    assert.equal((await proxied('http://127.0.0.2/cal/basic.ics')).status, 403);
    assert.equal((await proxied(`${upstream}/admin`)).status, 403);
    assert.equal((await proxied('file:///etc/passwd')).status, 403);
    assert.equal((await proxied(`${upstream}/cal/basic.ics`, {}, 'https://evil.example')).status, 403);
    const https = await handleRequest(
      new Request(`https://proxy.example/?url=${encodeURIComponent(`${upstream}/cal/basic.ics`)}`),
      {
        ...env,
        ALLOW_HTTP: 'false',
      },
    );
    assert.equal(https.status, 403);
  });

  test('follows redirects only within the allow-list', async () => {
    assert.equal((await proxied(`${upstream}/cal/moved`)).status, 403);
    const inside = await proxied(`${upstream}/cal/moved-inside`);
    assert.equal(inside.status, 200);
    assert.equal(await inside.text(), ICS);
  });

  test('passes upstream errors on, readable by the page; refuses what is not a calendar', async () => {
    const missing = await proxied(`${upstream}/cal/missing.ics`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('Access-Control-Allow-Origin'), SITE);
    const html = await proxied(`${upstream}/cal/login`);
    assert.equal(html.status, 502);
    assert.equal(html.headers.get('Access-Control-Allow-Origin'), SITE);
  });

  test('answers preflights, refuses other methods and requests without ?url=', async () => {
    const preflight = await proxied(`${upstream}/cal/basic.ics`, { method: 'OPTIONS' });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), SITE);
    assert.equal((await proxied(`${upstream}/cal/basic.ics`, { method: 'POST', body: 'x' })).status, 405);
    const bare = await handleRequest(new Request('https://proxy.example/', { headers: { Origin: SITE } }), env);
    assert.equal(bare.status, 400);
  });
});
