// @web/test-runner configuration: browser tests in tests/browser/**, run in a system Chromium
// (see scripts/find-chromium.js; nothing is downloaded), TypeScript transpiled on the fly by esbuild.
// The browser's time zone is pinned to Europe/Berlin so tests never depend on the machine's zone.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.js';
import { faultMiddleware } from './tests/browser/hardening/fault-server.js';

/** Time zone every test page runs in. */
export const BROWSER_TIME_ZONE = 'Europe/Berlin';

const executablePath = findChromium() ?? undefined;

/**
 * `executeServerCommand('go-offline', { ms })` from a test takes its page off the network for
 * `ms` milliseconds (Chromium's own offline emulation: navigator.onLine turns false, requests
 * fail), starting just after the command has answered — the runner talks to the page over the
 * network too, so the page must not wait on it meanwhile: it waits for the `online` event.
 */
const offlineCommand = {
  name: 'go-offline',
  async executeCommand({ command, payload, session }) {
    if (command !== 'go-offline') return undefined;
    const ms =
      typeof payload === 'object' && payload !== null && 'ms' in payload && typeof payload.ms === 'number'
        ? payload.ms
        : 1000;
    const page = session.browser.getPage(session.id);
    setTimeout(() => {
      void page
        .setOfflineMode(true)
        .then(() => new Promise((resolve) => setTimeout(resolve, ms)))
        .finally(() => page.setOfflineMode(false).catch(() => undefined));
    }, 50);
    return true;
  },
};

/** @type {import('@web/test-runner').TestRunnerConfig} */
const config = {
  rootDir: '.',
  files: 'tests/browser/**/*.test.ts',
  nodeResolve: true,
  // Real HTTP failures for tests/browser/hardening (404, 429, resets, CORS…): see fault-server.js.
  middleware: [faultMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), offlineCommand],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          // Lets tests that measure the heap collect garbage first (window.gc).
          '--js-flags=--expose-gc',
        ],
      },
      async createPage({ context }) {
        const page = await context.newPage();
        await page.emulateTimezone(BROWSER_TIME_ZONE);
        return page;
      },
    }),
  ],
  concurrency: 2,
  testFramework: {
    config: { timeout: 10000 },
  },
  testsFinishTimeout: 300000,
  // Lit announces dev mode on every page; keep its real warnings, drop the banner.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode.')),
};

export default config;
