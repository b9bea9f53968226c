// The browser engines the browser tests run in, and a @web/test-runner launcher for each, all on
// programs from the operating system (scripts/system-tools.js; nothing is downloaded):
//
//   chromium  the system Chromium, through puppeteer-core over the DevTools protocol
//   firefox   Firefox ESR, through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser, through WebKitWebDriver on a virtual display
//             (scripts/wtr/webkit-launcher.js)
//
// Each browser process runs in the same pinned time zone: its TZ environment variable.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { ENGINE_LIMITS } from '../../tests/browser/engine-limits.js';
import { CHROMIUM_ARGS } from '../find-chromium.js';
import { findTool } from '../system-tools.js';
import { WebKitLauncher } from './webkit-launcher.js';

/** @typedef {import('../../tests/browser/engine-limits.js').Engine} Engine */

/** @type {readonly Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

/**
 * The engines named by a comma- or space-separated list (all when the list is empty).
 * @param {string | undefined} list  e.g. process.env.TEST_ENGINES
 * @returns {Engine[]}
 */
export function parseEngines(list) {
  const names = (list ?? '').split(/[\s,]+/).filter(Boolean);
  if (names.length === 0) return [...ENGINES];
  const unknown = names.filter((name) => !(/** @type {readonly string[]} */ (ENGINES).includes(name)));
  if (unknown.length > 0) throw new Error(`Unknown engine ${unknown.join(', ')}; known: ${ENGINES.join(', ')}`);
  return ENGINES.filter((engine) => names.includes(engine));
}

/** @param {string} tool */
function need(tool) {
  const path = findTool(tool);
  if (!path) throw new Error(`${tool} is not installed: run node scripts/ensure-system-tools.js`);
  return path;
}

/**
 * A browser context in which downloads ("Add to calendar" in the tests) are refused, so that a
 * test run leaves no files in the user's Downloads folder.
 * @param {{ browser: import('puppeteer-core').Browser }} options
 */
function refuseDownloads({ browser }) {
  return browser.createBrowserContext({ downloadBehavior: { policy: 'deny' } });
}

/**
 * A launcher for one engine.
 * @param {Engine} engine
 * @param {{ timeZone: string, concurrency: number }} options
 * @returns {import('@web/test-runner').BrowserLauncher}
 */
export function createLauncher(engine, { timeZone, concurrency }) {
  const env = { ...process.env, TZ: timeZone };
  switch (engine) {
    case 'chromium':
      // Given puppeteer-core itself, the launcher calls itself "Chromium" (not "Chrome").
      return chromeLauncher({
        puppeteer: puppeteerCore,
        concurrency,
        launchOptions: {
          executablePath: need('chromium'),
          headless: true,
          env,
          // --expose-gc: tests that measure the heap collect garbage first (window.gc).
          args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
        },
        createBrowserContext: refuseDownloads,
      });
    case 'firefox':
      return chromeLauncher({
        puppeteer: puppeteerCore,
        concurrency,
        launchOptions: {
          browser: 'firefox',
          executablePath: need('firefox'),
          headless: true,
          env,
          // Even a refused download would open the downloads panel, which takes the keyboard
          // focus from the page for every test file after it.
          extraPrefsFirefox: { 'browser.download.alwaysOpenPanel': false },
        },
        createBrowserContext: refuseDownloads,
      });
    case 'webkit':
      return new WebKitLauncher({
        driver: need('webkit-webdriver'),
        miniBrowser: need('webkit-minibrowser'),
        xvfbRun: need('xvfb-run'),
        timeZone,
        concurrency,
      });
  }
}

/**
 * Prints, before the tests, which tests are skipped in which of these engines and why
 * (tests/browser/engine-limits.js).
 * @param {readonly Engine[]} engines
 */
export function printEngineLimits(engines) {
  for (const [capability, { engines: lacking, reason }] of Object.entries(ENGINE_LIMITS)) {
    const here = lacking.filter((engine) => engines.includes(engine));
    if (here.length > 0) console.log(`Skipped in ${here.join(', ')}: tests that ${capability}: ${reason}`);
  }
}
