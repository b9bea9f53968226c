/**
 * Keeps the recipes (docs/recipes/, examples/) working:
 * - React 19: examples/react/*.tsx typecheck against the package's JSX types (src/jsx/react.ts,
 *   shipped as `otel-community-widgets/jsx`), and wrong usages do not;
 * - Vue 3: examples/vue/*.vue compile, with the otel tags as custom elements (isCustomElement);
 * - Svelte 5: examples/svelte/*.svelte compile for client and server without errors or warnings,
 *   with the elements' events wired as DOM events;
 * - Hugo: examples/hugo/test-page.html is what scripts/render-hugo-example.js renders from the
 *   shortcodes today, and the site's `calendar` build step writes a snapshot the widgets read;
 * - CORS proxy: examples/cors-proxy/worker.js follows the recipe's rules, against a local upstream.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import ts from 'typescript';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import { compile } from 'svelte/compiler';
import { isOtelElement } from '../../examples/vue/custom-elements.js';
import { readSnapshot } from '../../src/calendar/json.js';
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
// Hugo
// ---------------------------------------------------------------------------------------------

describe('Hugo recipe', () => {
  test('examples/hugo/test-page.html is up to date with the shortcodes', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/render-hugo-example.js'), '--check'], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  });

  test('the site build step writes a calendar snapshot the widgets read', async () => {
    const pkg = JSON.parse(await readFile(join(EXAMPLES, 'hugo', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const step = pkg.scripts.calendar ?? '';
    const match = /^otel-calendar snapshot "([^"]+)" -o (\S+) (.*)$/.exec(step);
    assert.ok(match, `unexpected calendar step: ${step}`);
    const [, , output = '', rest = ''] = match;
    // The same command, with the repository's demo calendar in place of the Google URL.
    // The CLI does not create directories: the example ships static/calendar/ (with a .gitkeep).
    assert.ok(
      existsSync(join(EXAMPLES, 'hugo', dirname(output), '.gitkeep')),
      `examples/hugo/${dirname(output)}/ is not in the example`,
    );
    const site = await mkdtemp(join(tmpdir(), 'otel-hugo-'));
    try {
      await mkdir(join(site, dirname(output)), { recursive: true });
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          import.meta.resolve('tsx'),
          join(ROOT, 'src/cli/otel-calendar.ts'),
          'snapshot',
          join(ROOT, 'demo/calendar/community.ics'),
          '-o',
          output,
          ...rest.split(' '),
        ],
        { cwd: site, encoding: 'utf8' },
      );
      assert.equal(result.status, 0, result.stderr);
      const snapshot = readSnapshot(JSON.parse(await readFile(join(site, output), 'utf8')));
      assert.ok(snapshot.events.length > 0);
      const hugoConfig = await readFile(join(EXAMPLES, 'hugo', 'hugo.toml'), 'utf8');
      assert.ok(
        hugoConfig.includes(`calendar = "${output.replace(/^static/, '')}"`),
        'hugo.toml points the shortcodes at the snapshot',
      );
    } finally {
      await rm(site, { recursive: true, force: true });
    }
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
