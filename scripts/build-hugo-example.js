#!/usr/bin/env node
// Builds the Hugo recipe's example site (examples/hugo, docs/recipes/hugo.md) with real Hugo and
// the repository's own CLI, the way the example's `npm run build` does on a real site:
//
//   1. otel-calendar snapshot   the calendar → static/calendar/community.ics (the cards' data), and
//                               that file → static/calendar/community.json (the event lists' data)
//      otel-calendar list --format markdown, per language → assets/calendar/agenda.<lang>.md
//                               (what the {{% otel-agenda %}} shortcode includes)
//   2. hugo --minify             the site → the output folder
//   3. otel-calendar prerender   every built page: the elements' content written into the HTML
//
// Here the calendar is the repository's demo calendar (offline; its series never end), the CLI is
// dist/cli/otel-calendar.js (run `npm run build` first) and the page loads the repository's
// dist/cdn bundle instead of jsDelivr's. Hugo comes from the system (scripts/system-tools.js),
// installed first when missing and possible.
//
// Usage: node scripts/build-hugo-example.js [options]
//   --site DIR       the Hugo site to build (default examples/hugo; generated files go into it)
//   --out DIR        the output folder (default DIR/public)
//   --base-url URL   Hugo's baseURL (default /examples/hugo/public/: the default output folder as
//                    the repository's servers serve it, web-test-runner and `node scripts/serve.js .`)
//   --root DIR       the folder served at "/", where prerender reads the calendar's URL (default:
//                    the output folder, less the base URL's path: the repository by default)
//   --now ISO        the time the pages and the agenda are "as of" (default: now)
//   --tz ZONE        the agenda's zone, and that of prerendered times where a shortcode names none
//                    (default UTC)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureSystemTools } from './ensure-system-tools.js';
import { findTool } from './system-tools.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'otel-calendar.js');
const DEMO_CALENDAR = join(ROOT, 'demo', 'calendar', 'community.ics');
/** The bundle the built pages load: the repository's, as its servers serve it. */
const SCRIPT = '/dist/cdn/otel-widgets.js';
const DEFAULT_BASE_URL = '/examples/hugo/public/';
/** The example's languages (hugo.toml), each with its own agenda. */
const LANGUAGES = ['en', 'es'];

class BuildError extends Error {}

/**
 * Runs a program; throws a BuildError with its output when it fails.
 * @param {string} what  The step, for messages.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {string} What it printed on stdout.
 */
function run(what, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new BuildError(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new BuildError(`${what} failed (exit ${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/**
 * The built pages under `dir`, sorted.
 * @param {string} dir
 */
function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => join(dir, file));
}

/**
 * Builds the site; returns the built pages.
 * @param {{ site: string, out: string, baseUrl: string, root: string, now: string, timeZone: string }} options
 * @returns {string[]}
 */
function buildHugoExample({ site, out, baseUrl, root, now, timeZone }) {
  if (!existsSync(CLI)) throw new BuildError(`${relative(ROOT, CLI)} is missing: run npm run build first`);
  if (ensureSystemTools(['hugo']) !== 0) throw new BuildError('Hugo is needed to build the example');
  const hugo = findTool('hugo') ?? 'hugo';
  const cli = (/** @type {string} */ what, /** @type {string[]} */ args) =>
    run(what, process.execPath, [CLI, ...args], { cwd: site });

  // 1. The calendar, read once (here the demo calendar stands for the download), as an ICS for
  //    the discussion cards, a JSON snapshot for the event lists, and an agenda in Markdown per
  //    language for the otel-agenda shortcode.
  const nowMs = Date.parse(now);
  const dayBefore = new Date(nowMs - 24 * 3600 * 1000).toISOString();
  mkdirSync(join(site, 'static', 'calendar'), { recursive: true });
  mkdirSync(join(site, 'assets', 'calendar'), { recursive: true });
  const ics = 'static/calendar/community.ics';
  cli('otel-calendar snapshot (ICS)', ['snapshot', DEMO_CALENDAR, '-o', ics, '--trim', '--from', dayBefore]);
  cli('otel-calendar snapshot (JSON)', [
    'snapshot',
    ics,
    '-o',
    'static/calendar/community.json',
    '--days',
    '90',
    '--from',
    dayBefore,
  ]);
  for (const lang of LANGUAGES) {
    const agenda = cli(`otel-calendar list --lang ${lang}`, [
      'list',
      ics,
      '--format',
      'markdown',
      '--from',
      now,
      '--tz',
      timeZone,
      '--lang',
      lang,
    ]);
    const file = join(site, 'assets', 'calendar', `agenda.${lang}.md`);
    writeFileSync(file, agenda);
    // The shortcode says the agenda is "as of" the file's modification time: pin that too.
    utimesSync(file, new Date(nowMs), new Date(nowMs));
  }

  // 2. Hugo, with the bundle of this repository in place of jsDelivr's.
  run(
    'hugo',
    hugo,
    ['--source', site, '--destination', out, '--baseURL', baseUrl, '--minify', '--cleanDestinationDir'],
    { env: { ...process.env, HUGO_PARAMS_OTELWIDGETS_SCRIPT: SCRIPT } },
  );

  // 3. The elements rendered into every page (pages without one are left as they are).
  const pages = htmlFiles(out);
  cli('otel-calendar prerender', ['prerender', ...pages, '--root', root, '--now', now, '--tz', timeZone, '--strict']);
  return pages;
}

/**
 * The folder a server serves at "/" when it serves `out` at the path of `baseUrl`.
 * @param {string} out
 * @param {string} baseUrl
 */
function servedRoot(out, baseUrl) {
  const path = new URL(baseUrl, 'http://localhost').pathname.replace(/\/+$/, '');
  if (path === '') return out;
  const served = join(...path.split('/'));
  if (!out.endsWith(sep + served)) throw new BuildError(`--out ${out} is not served at ${path}/: give --root`);
  return out.slice(0, -served.length) || '/';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { values } = parseArgs({
      options: {
        site: { type: 'string' },
        out: { type: 'string' },
        'base-url': { type: 'string' },
        root: { type: 'string' },
        now: { type: 'string' },
        tz: { type: 'string' },
      },
    });
    const site = resolve(values.site ?? join(ROOT, 'examples', 'hugo'));
    const out = resolve(values.out ?? join(site, 'public'));
    const baseUrl = values['base-url'] ?? DEFAULT_BASE_URL;
    const root = values.root ? resolve(values.root) : servedRoot(out, baseUrl);
    const now = values.now ?? new Date().toISOString();
    if (!Number.isFinite(Date.parse(now))) throw new BuildError(`--now "${now}" is not a date`);
    const pages = buildHugoExample({ site, out, baseUrl, root, now, timeZone: values.tz ?? 'UTC' });
    console.log(`build-hugo-example: ${pages.length} pages in ${relative(process.cwd(), out) || '.'}, as of ${now}`);
  } catch (error) {
    console.error(`build-hugo-example: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
