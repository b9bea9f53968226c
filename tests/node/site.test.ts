/**
 * The built site (dist/site/, written by `npm run build`) and the CDN files, served by the repo's
 * plain static server (scripts/serve.js: files as they are, no build tools, no rewriting) and
 * opened in Chromium through puppeteer-core:
 * - the demo, the playground and every docs page render their elements with no console error,
 *   no uncaught error and no failed request;
 * - the docs pages have the manifest's reference tables and live examples;
 * - the playground's preview and embed snippets follow its options;
 * - a hand-written page that has only `<script type="module" src="./cdn/otel-widgets.js">`, in a
 *   folder holding nothing but the CDN files and a calendar, renders events.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = join(ROOT, 'dist', 'site');
const CDN = join(ROOT, 'dist', 'cdn');

interface Served {
  readonly origin: string;
  readonly process: ChildProcess;
}

/** Starts scripts/serve.js on a free port for `folder`; resolves with its origin. */
function serve(folder: string): Promise<Served> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.js'), folder], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(output);
      if (match) done({ origin: `http://127.0.0.1:${match[1]}`, process: child });
    });
    child.on('exit', (code) => fail(new Error(`serve.js exited (${code}): ${output}`)));
  });
}

interface Problems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
}

/** Opens `url` in a new page, recording console errors, uncaught errors and failed requests. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage();
  await page.emulateTimezone('Europe/Berlin');
  const problems: Problems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.url()}: ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

function assertNoProblems(problems: Problems): void {
  assert.deepEqual(problems.pageErrors, [], 'uncaught errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.failedRequests, [], 'failed requests');
}

/** Resolves when every `<otel-event-list>` on the page shows events (not skeleton rows). */
async function waitForEvents(page: Page, selector = 'otel-event-list'): Promise<number[]> {
  await page.waitForFunction(
    (s: string) =>
      [...document.querySelectorAll(s)].every(
        (list) => (list.shadowRoot?.querySelectorAll('[part~="event"]:not([part~="skeleton"])').length ?? 0) > 0,
      ),
    { timeout: 15_000 },
    selector,
  );
  return page.$$eval(selector, (lists) =>
    lists.map((list) => list.shadowRoot?.querySelectorAll('[part~="event"]:not([part~="skeleton"])').length ?? 0),
  );
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8')) as {
  modules: Array<{
    declarations?: Array<{
      tagName?: string;
      attributes?: Array<{ name: string }>;
      cssParts?: Array<{ name: string }>;
    }>;
  }>;
};
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

describe('the built site and the CDN files, on a plain static server', () => {
  let browser: Browser | undefined;
  let site: Served | undefined;
  let bare: Served | undefined;
  let bareFolder: string | undefined;

  before(async () => {
    assert.ok(
      existsSync(join(SITE, 'index.html')) && existsSync(join(CDN, 'otel-widgets.js')),
      'run `npm run build` first (npm test does)',
    );
    site = await serve(SITE);
    // A folder with nothing but the CDN files, a calendar and a hand-written page.
    bareFolder = mkdtempSync(join(tmpdir(), 'otel-cdn-page-'));
    cpSync(CDN, join(bareFolder, 'cdn'), { recursive: true });
    cpSync(join(ROOT, 'demo', 'calendar', 'community.ics'), join(bareFolder, 'community.ics'));
    cpSync(join(SITE, 'calendar', 'community.json'), join(bareFolder, 'community.json'));
    writeFileSync(
      join(bareFolder, 'index.html'),
      `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CDN page</title>
    <link rel="icon" href="data:," />
    <script type="module" src="./cdn/otel-widgets.js"></script>
  </head>
  <body>
    <otel-event-list id="ics" src="./community.ics" days="60" limit="4"><a href="./community.ics">Calendar</a></otel-event-list>
    <otel-event-list id="json" src="./community.json" days="60" limit="4"><a href="./community.json">Calendar</a></otel-event-list>
    <chatham-notice variant="inline"></chatham-notice>
  </body>
</html>
`,
    );
    bare = await serve(bareFolder);
    const { findChromium, CHROMIUM_ARGS } = (await import(
      pathToFileURL(join(ROOT, 'scripts/find-chromium.js')).href
    )) as {
      findChromium: () => string | null;
      CHROMIUM_ARGS: string[];
    };
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (see scripts/find-chromium.js)');
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    site?.process.kill();
    bare?.process.kill();
    if (bareFolder) rmSync(bareFolder, { recursive: true, force: true });
  });

  it('a page with only the CDN script tag renders ICS and JSON sources and the notice', async () => {
    assert.ok(browser && bare);
    const { page, problems } = await openPage(browser, `${bare.origin}/index.html`);
    const counts = await waitForEvents(page);
    assert.equal(counts.length, 2);
    for (const count of counts) assert.ok(count >= 1 && count <= 4, `events per list: ${counts.join(', ')}`);
    const notice = await page.$eval('chatham-notice', (el) => el.shadowRoot?.textContent ?? '');
    assert.match(notice, /Chatham House Rule/);
    assertNoProblems(problems);
    await page.close();
  });

  it('the demo page renders its lists with no console error', async () => {
    assert.ok(browser && site);
    const { page, problems } = await openPage(browser, `${site.origin}/index.html`);
    await waitForEvents(page, 'otel-event-list#upcoming-list');
    const nav = await page.$$eval('nav.site-nav a', (links) => links.map((a) => a.getAttribute('href')));
    assert.ok(nav.includes('playground.html') && nav.includes('docs/index.html'), `navigation: ${nav.join(' ')}`);
    assertNoProblems(problems);
    await page.close();
  });

  for (const declaration of declarations) {
    const tag = declaration.tagName ?? '';
    it(`the docs page of <${tag}> has its reference and live examples, with no console error`, async () => {
      assert.ok(browser && site);
      const { page, problems } = await openPage(browser, `${site.origin}/docs/${tag}.html`);
      const headings = await page.$$eval('main h2', (hs) => hs.map((h) => h.textContent?.trim()));
      assert.ok(headings.includes('Live examples'), `headings: ${headings.join(', ')}`);
      assert.ok(headings.includes('Attributes'));
      assert.ok(headings.includes('CSS parts'));
      // Every attribute of the manifest has a row.
      const cells = await page.$$eval('main td code', (codes) => codes.map((c) => c.textContent));
      for (const attribute of declaration.attributes ?? [])
        assert.ok(cells.includes(attribute.name), `attribute ${attribute.name}`);
      for (const part of declaration.cssParts ?? []) assert.ok(cells.includes(part.name), `part ${part.name}`);
      // The live examples upgrade and render into their shadow roots.
      await page.waitForFunction(
        (t: string) => {
          const examples = [...document.querySelectorAll(`.example-live ${t}`)];
          return (
            examples.length > 0 &&
            examples.every((el) => customElements.get(t) && (el.shadowRoot?.childElementCount ?? 0) > 0)
          );
        },
        { timeout: 15_000 },
        tag,
      );
      if (tag === 'otel-event-list') await waitForEvents(page, '.example-live otel-event-list');
      assertNoProblems(problems);
      await page.close();
    });
  }

  it('the site works from a sub-folder of another site (relative URLs only)', async () => {
    assert.ok(browser);
    const parent = await serve(join(ROOT, 'dist'));
    try {
      for (const path of ['site/index.html', 'site/docs/otel-event-list.html', 'site/playground.html']) {
        const { page, problems } = await openPage(browser, `${parent.origin}/${path}`);
        await waitForEvents(page);
        assertNoProblems(problems);
        await page.close();
      }
    } finally {
      parent.process.kill();
    }
  });

  it('the docs index links every element page', async () => {
    assert.ok(browser && site);
    const { page, problems } = await openPage(browser, `${site.origin}/docs/index.html`);
    const links = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    for (const declaration of declarations) assert.ok(links.includes(`${declaration.tagName}.html`));
    assertNoProblems(problems);
    await page.close();
  });

  it('the playground previews the widget and its snippets follow the options', async () => {
    assert.ok(browser && site);
    const { page, problems } = await openPage(browser, `${site.origin}/playground.html`);
    await waitForEvents(page, '#preview otel-event-list');
    const snippet = (id: string): Promise<string> => page.$eval(`#${id}`, (el) => el.textContent ?? '');
    const before = await snippet('snippet-cdn');
    assert.match(
      before,
      /<script type="module" src="https:\/\/cdn\.jsdelivr\.net\/npm\/otel-community-widgets@\d+\.\d+\.\d+\/dist\/cdn\/otel-widgets\.js"><\/script>/,
    );
    assert.ok(before.includes(`src="${site.origin}/calendar/community.ics"`), before);
    assert.ok(!before.includes('group-by'), 'the default grouping is left out');

    await page.select('#group-by', 'month');
    await page.select('#timezone', 'Asia/Tokyo');
    await page.select('#lang', 'es');
    await page.$eval('#days', (el) => {
      (el as HTMLInputElement).value = '60';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.click('#theme-on');
    const cdn = await snippet('snippet-cdn');
    for (const text of [
      'group-by="month"',
      'timezone="Asia/Tokyo"',
      'lang="es"',
      'days="60"',
      '--otel-color-accent: #f5a800;',
    ]) {
      assert.ok(cdn.includes(text), `CDN snippet has ${text}:\n${cdn}`);
    }
    const npm = await snippet('snippet-npm');
    assert.ok(npm.includes("import 'otel-community-widgets/event-list';") && npm.includes('group-by="month"'), npm);
    const hugo = await snippet('snippet-hugo');
    assert.ok(
      hugo.includes(
        `{{< otel-events src="${site.origin}/calendar/community.ics" timezone="Asia/Tokyo" lang="es" days="60" group-by="month" >}}`,
      ),
      hugo,
    );
    // The preview is the same element.
    const attributes = await page.$eval('#preview otel-event-list', (el) => [
      el.getAttribute('group-by'),
      el.getAttribute('timezone'),
      el.getAttribute('lang'),
      el.getAttribute('days'),
    ]);
    assert.deepEqual(attributes, ['month', 'Asia/Tokyo', 'es', '60']);
    await waitForEvents(page, '#preview otel-event-list');

    // The JSON snapshot of the same calendar: the demo URL follows the source kind.
    await page.select('#source-kind', 'json');
    assert.ok((await snippet('snippet-cdn')).includes(`src="${site.origin}/calendar/community.json"`));
    await waitForEvents(page, '#preview otel-event-list');

    // A Google calendar: the element gets the id and key; the shortcode falls back to a snapshot.
    await page.select('#source-kind', 'google');
    await page.type('#google-calendar-id', 'team@group.calendar.google.com');
    await page.waitForFunction(
      () =>
        (document.querySelector('#snippet-cdn')?.textContent ?? '').includes(
          'google-calendar-id="team@group.calendar.google.com"',
        ),
      { timeout: 5000 },
    );
    assert.doesNotMatch(await snippet('snippet-cdn'), /<otel-event-list[^>]*\ssrc=/, 'no src for a Google source');
    assert.match(await snippet('snippet-hugo'), /otel-calendar snapshot/);
    assertNoProblems(problems);
    await page.close();
  });
});
