// @web/test-runner configuration: the browser tests in tests/browser/**, run in Chromium, Firefox
// and WebKit from the system's packages (scripts/wtr/engines.js; nothing is downloaded), TypeScript
// transpiled on the fly by esbuild. Every browser runs in the Europe/Berlin time zone, so tests
// never depend on the machine's zone.
//
// TEST_ENGINES=firefox (or "chromium,webkit") runs only those engines; `npm run test:browser --
// --engine firefox` sets it (scripts/test-browser.js). What an engine cannot run, and why, is in
// tests/browser/engine-limits.js, printed before the tests.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { createLauncher, parseEngines, printEngineLimits } from './scripts/wtr/engines.js';
import { engineCommandsPlugin } from './scripts/wtr/engine-commands.js';
import { faultMiddleware } from './tests/browser/hardening/fault-server.js';
import { prerenderMiddleware } from './tests/browser/prerender/prerender-server.js';

/** Time zone every test page runs in. */
export const BROWSER_TIME_ZONE = 'Europe/Berlin';

const engines = parseEngines(process.env.TEST_ENGINES);

/** @type {Map<unknown, import('./tests/browser/engine-limits.js').Engine>} */
const engineOf = new Map();
const browsers = engines.map((engine) => {
  // One test file at a time per engine: a second page of the same browser would be a background
  // tab (no keyboard focus, slowed timers in Firefox, no animation frames).
  const launcher = createLauncher(engine, { timeZone: BROWSER_TIME_ZONE, concurrency: 1 });
  engineOf.set(launcher, engine);
  return launcher;
});

printEngineLimits(engines);

/** @type {import('@web/test-runner').TestRunnerConfig} */
const config = {
  rootDir: '.',
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: true,
  // Real HTTP failures for tests/browser/hardening (404, 429, resets, CORS…): see fault-server.js;
  // pages prerendered by the CLI for tests/browser/prerender: see prerender-server.js.
  middleware: [faultMiddleware, prerenderMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), engineCommandsPlugin(engineOf)],
  browsers,
  // One engine after the other: side by side on two cores, they slowed each other enough for the
  // tests that time the page's tasks to fail (and saved only a third of the time).
  concurrentBrowsers: 1,
  // Per test: generous, for a loaded machine (axe over a page of elements took over 10 s in WebKit
  // on a busy 2-core machine).
  testFramework: {
    config: { timeout: 20000 },
  },
  browserStartTimeout: 60000,
  testsFinishTimeout: 600000,
  // Lit announces dev mode on every page; keep its real warnings, drop the banner.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.')),
};

export default config;
