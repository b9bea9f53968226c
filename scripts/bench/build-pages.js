// Builds everything the browser half of the benchmark serves, into .bench/site/ (gitignored):
// the feeds, the CLI's JSON snapshot and pre-expanded list, bundles of the current sources
// (our element, FullCalendar, the floor page) and one HTML page per (page kind, size); the
// prerendered pages are the JSON snapshot's pages run through `otel-calendar prerender`.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { cdn } from '../../rollup.config.js';
import { FEED_ZONE, generateFeed } from './generate-feed.js';

const run = promisify(execFile);
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HERE = dirname(fileURLToPath(import.meta.url));

/** The page kinds, in table order. */
export const PAGE_KINDS = /** @type {const} */ (['otel-ics', 'otel-json', 'fullcalendar', 'floor', 'prerendered']);
/** @typedef {typeof PAGE_KINDS[number]} PageKind */

/** @type {Record<PageKind, string>} */
export const PAGE_LABELS = {
  'otel-ics': '<otel-event-list> from ICS',
  'otel-json': '<otel-event-list> from JSON snapshot',
  fullcalendar: 'FullCalendar list + icalendar (one bundle)',
  floor: 'plain DOM from JSON (floor)',
  prerendered: '<otel-event-list> prerendered (JSON snapshot)',
};

/**
 * The pages' "now": midnight at the start of `anchor` in the feeds' zone (Europe/Berlin, summer
 * time in the window the bench shows). The browser's clock is frozen there and the prerendered
 * pages are rendered for it.
 * @param {string} anchor YYYY-MM-DD
 * @returns {number} epoch ms
 */
export function pinnedNow(anchor) {
  return Date.parse(`${anchor}T00:00:00+02:00`);
}

/**
 * @typedef {object} SiteOptions
 * @property {string} root    output folder (the site is root/site)
 * @property {number[]} sizes VEVENT counts
 * @property {number} seed
 * @property {string} anchor  first day of the window, YYYY-MM-DD (the pinned "today"; see pinnedNow)
 * @property {number} days    window length in days
 * @property {boolean} [minify] minify the bundles (default true; the profiler wants names)
 */

/**
 * Runs the project's CLI from source (so the snapshot is what the current tree writes).
 * @param {string[]} args
 */
async function cli(args) {
  await run(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/otel-calendar.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, TZ: FEED_ZONE },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * @param {string} date YYYY-MM-DD
 * @param {number} days
 */
function addDays(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * @param {string} title
 * @param {string} body
 * @param {string} script
 */
function page(title, body, script) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body { font: 16px/1.4 system-ui, sans-serif; margin: 1rem auto; max-width: 48rem; }</style>
</head>
<body>
<h1>${title}</h1>
${body}
<script type="module" src="${script}"></script>
</body>
</html>
`;
}

/** The page script of our element (in js/otel/). */
const OUR_SCRIPT = 'event-list.js';

/**
 * Our element as a site ships it: the CDN build of `event-list.js` (the Rollup build, minifier and
 * lazy chunks of `npm run build`, from the current sources). Unminified (for the profiler, which
 * needs esbuild's `// path` module markers), esbuild's bundle of the same entry instead.
 * @param {string} outdir
 * @param {boolean} minify
 */
async function bundleOurElement(outdir, minify) {
  if (!minify) {
    await build({
      entryPoints: { 'event-list': join(REPO, 'src/elements/event-list/define.ts') },
      bundle: true,
      splitting: true,
      format: 'esm',
      target: 'es2022',
      outdir,
      logLevel: 'error',
    });
    return;
  }
  const options = cdn.find((o) => Object.keys(o.input ?? {})[0] === 'event-list');
  if (!options) throw new Error('No event-list CDN build in rollup.config.js');
  const bundle = await rollup({ ...options, onwarn: () => undefined });
  try {
    const output = Array.isArray(options.output) ? options.output[0] : options.output;
    await bundle.write({ ...output, dir: outdir, sourcemap: false });
  } finally {
    await bundle.close();
  }
}

/**
 * FullCalendar as a site ships it: its core, list view and icalendar plugin with ical.js, in one
 * file bundled and minified by esbuild (no lazy chunks: the whole library arrives with the page).
 * @param {string} outfile
 * @param {boolean} minify
 */
async function bundleFullCalendar(outfile, minify) {
  const shim = join(HERE, 'ical-shim.js');
  await build({
    entryPoints: [join(HERE, 'pages/fullcalendar-page.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify,
    outfile,
    logLevel: 'error',
    nodePaths: [join(REPO, 'node_modules')],
    plugins: [
      {
        name: 'ical-js-2-shim',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /^ical\.js$/ }, (args) =>
            args.importer.includes(`${'@fullcalendar'}`) ? { path: shim } : undefined,
          );
        },
      },
    ],
  });
}

/**
 * @param {string} outfile
 * @param {boolean} minify
 */
async function bundleFloor(outfile, minify) {
  await build({
    entryPoints: [join(HERE, 'pages/floor-page.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify,
    outfile,
    logLevel: 'error',
  });
}

/**
 * Builds the site. Returns the page URL path for each (kind, size).
 * @param {SiteOptions} options
 * @returns {Promise<Map<string, string>>} key `${kind}:${size}` → path
 */
export async function buildSite({ root, sizes, seed, anchor, days, minify = true }) {
  const site = join(root, 'site');
  await rm(site, { recursive: true, force: true });
  await mkdir(join(site, 'js'), { recursive: true });
  await Promise.all([
    bundleOurElement(join(site, 'js/otel'), minify),
    bundleFullCalendar(join(site, 'js/fullcalendar.js'), minify),
    bundleFloor(join(site, 'js/floor.js'), minify),
  ]);
  const end = addDays(anchor, days);
  /** @type {Map<string, string>} */
  const pages = new Map();
  for (const size of sizes) {
    const feed = `feed-${size}.ics`;
    await writeFile(join(site, feed), generateFeed({ events: size, seed, anchor }));
    // The snapshot starts a day early, as the CLI does by default (events in progress).
    await cli([
      'snapshot',
      join(site, feed),
      '-o',
      join(site, `snapshot-${size}.json`),
      '--from',
      addDays(anchor, -1),
      '--days',
      String(days + 1),
      '--tz',
      FEED_ZONE,
    ]);
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO, 'src/cli/otel-calendar.ts'),
        'list',
        join(site, feed),
        '--from',
        anchor,
        '--to',
        end,
        '--format',
        'json',
        '--include-cancelled',
        '--tz',
        FEED_ZONE,
      ],
      { cwd: REPO, env: { ...process.env, TZ: FEED_ZONE }, maxBuffer: 64 * 1024 * 1024 },
    );
    await writeFile(join(site, `list-${size}.json`), stdout);
    const element = (/** @type {string} */ src) =>
      `<otel-event-list src="${src}" days="${days}" limit="100000" show-cancelled></otel-event-list>`;
    /** @type {Record<PageKind, string>} */
    const html = {
      'otel-ics': page(`otel-event-list, ICS, ${size} events`, element(feed), `js/otel/${OUR_SCRIPT}`),
      'otel-json': page(
        `otel-event-list, JSON, ${size} events`,
        element(`snapshot-${size}.json`),
        `js/otel/${OUR_SCRIPT}`,
      ),
      fullcalendar: page(
        `FullCalendar, ${size} events`,
        `<div id="calendar" data-src="${feed}" data-start="${anchor}" data-end="${end}"></div>`,
        'js/fullcalendar.js',
      ),
      floor: page(`Plain DOM, ${size} events`, `<ul id="events" data-src="list-${size}.json"></ul>`, 'js/floor.js'),
      prerendered: page(
        `otel-event-list, prerendered, ${size} events`,
        element(`snapshot-${size}.json`),
        `js/otel/${OUR_SCRIPT}`,
      ),
    };
    for (const kind of PAGE_KINDS) {
      const name = `${kind}-${size}.html`;
      await writeFile(join(site, name), html[kind]);
      pages.set(`${kind}:${size}`, `/${name}`);
    }
  }
  // As a site's build would: the built pages, the snapshot next to them, the pinned "now" and the
  // zone (the element names none). The reader's zone is the same here, so the take-over shows the
  // same times.
  await cli([
    'prerender',
    ...sizes.map((size) => join(site, `prerendered-${size}.html`)),
    '--root',
    site,
    '--now',
    new Date(pinnedNow(anchor)).toISOString(),
    '--tz',
    FEED_ZONE,
    '--strict',
  ]);
  return pages;
}
