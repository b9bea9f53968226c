// The test commands that drive the browser itself (viewport, keys, media features, offline), with
// one implementation per engine: puppeteer pages for Chromium (DevTools protocol) and Firefox
// (WebDriver BiDi), WebDriver for WebKit (scripts/wtr/webkit-launcher.js). Tests call them through
// tests/browser/engine.ts. What an engine cannot do is listed in tests/browser/engine-limits.js;
// asking for it fails with the reason from that list, so a test cannot pass without testing.
import { ENGINE_LIMITS, limitsOf } from '../../tests/browser/engine-limits.js';
import { WebKitLauncher } from './webkit-launcher.js';

/** @typedef {import('../../tests/browser/engine-limits.js').Engine} Engine */
/** @typedef {import('puppeteer-core').Page} Page */

/**
 * @param {unknown} payload
 * @returns {Record<string, unknown>}
 */
function record(payload) {
  if (typeof payload !== 'object' || payload === null) throw new Error('the command needs an object payload');
  return /** @type {Record<string, unknown>} */ (payload);
}

/**
 * @param {Engine} engine
 * @param {string} capability  A key of ENGINE_LIMITS.
 */
function refuseIfLimited(engine, capability) {
  const limit = ENGINE_LIMITS[capability];
  if (limit?.engines.includes(engine)) {
    throw new Error(`${engine} cannot ${capability} (tests/browser/engine-limits.js): ${limit.reason}`);
  }
}

/** The media features tests may set, the capability each needs, and the value engines have. */
const MEDIA_FEATURES = {
  colorScheme: { name: 'prefers-color-scheme', capability: 'emulate prefers-color-scheme', initial: 'light' },
  reducedMotion: {
    name: 'prefers-reduced-motion',
    capability: 'emulate prefers-reduced-motion',
    initial: 'no-preference',
  },
  forcedColors: { name: 'forced-colors', capability: 'emulate forced-colors', initial: 'none' },
};

/**
 * Sets media features for the page. Setting a feature back to the value every engine starts with
 * is allowed everywhere (a test's clean-up); any other value needs the capability.
 * @param {Engine} engine
 * @param {Page | undefined} page  The puppeteer page (Chromium, Firefox); undefined for WebKit.
 * @param {Record<string, unknown>} payload
 */
async function emulateMedia(engine, page, payload) {
  /** @type {{ name: string, value: string }[]} */
  const features = [];
  for (const [key, feature] of Object.entries(MEDIA_FEATURES)) {
    const value = payload[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new Error(`${key} must be a string`);
    if (value !== feature.initial) refuseIfLimited(engine, feature.capability);
    if (!ENGINE_LIMITS[feature.capability]?.engines.includes(engine)) features.push({ name: feature.name, value });
  }
  if (page && features.length > 0) await page.emulateMediaFeatures(features);
}

/**
 * @param {Page} page
 * @param {Record<string, unknown>} payload  `{ press | down | up | type: string }`
 */
async function puppeteerKeys(page, payload) {
  const { press, down, up, type } = payload;
  // Puppeteer's KeyInput is a union of key names; the browser side passes one of them.
  // "Space" is a key name over the DevTools protocol only; " " means it over both protocols.
  /** @param {unknown} key */
  const name = (key) => /** @type {import('puppeteer-core').KeyInput} */ (key === 'Space' ? ' ' : String(key));
  if (typeof press === 'string') await page.keyboard.press(name(press));
  else if (typeof down === 'string') await page.keyboard.down(name(down));
  else if (typeof up === 'string') await page.keyboard.up(name(up));
  else if (typeof type === 'string') await page.keyboard.type(type);
  else throw new Error('send keys: give one of press, down, up or type');
}

/**
 * @param {WebKitLauncher} launcher
 * @param {string} sessionId
 * @param {Record<string, unknown>} payload
 */
async function webdriverKeys(launcher, sessionId, payload) {
  const { press, down, up, type } = payload;
  if (typeof press === 'string') await launcher.sendKey(sessionId, 'press', press);
  else if (typeof down === 'string') await launcher.sendKey(sessionId, 'down', down);
  else if (typeof up === 'string') await launcher.sendKey(sessionId, 'up', up);
  else if (typeof type === 'string') await launcher.typeText(sessionId, type);
  else throw new Error('send keys: give one of press, down, up or type');
}

/**
 * The plugin. `engineOf` says which engine a launcher runs.
 * @param {Map<unknown, Engine>} engineOf
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function engineCommandsPlugin(engineOf) {
  return {
    name: 'engine-commands',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('engine-') && command !== 'go-offline') return undefined;
      const launcher = session.browser;
      const engine = engineOf.get(launcher);
      if (!engine) throw new Error(`${command}: no engine known for the launcher "${launcher.name}"`);
      const webkit = launcher instanceof WebKitLauncher ? launcher : undefined;
      /** @returns {Page} */
      const page = () =>
        /** @type {{ getPage(id: string): Page }} */ (/** @type {unknown} */ (launcher)).getPage(session.id);

      switch (command) {
        case 'engine-info':
          return { engine, limits: limitsOf(engine) };

        case 'engine-set-viewport': {
          const { width, height } = record(payload);
          if (typeof width !== 'number' || typeof height !== 'number') throw new Error('viewport: width and height');
          if (webkit) await webkit.setViewport(session.id, { width, height });
          else await page().setViewport({ width, height });
          return true;
        }

        case 'engine-send-keys':
          if (webkit) await webdriverKeys(webkit, session.id, record(payload));
          else await puppeteerKeys(page(), record(payload));
          return true;

        case 'engine-emulate-media':
          await emulateMedia(engine, webkit ? undefined : page(), record(payload));
          return true;

        // `go-offline` { ms } takes the page off the network for `ms` milliseconds (navigator.onLine
        // turns false, requests fail), starting just after the command has answered — the runner
        // talks to the page over the network too, so the page must not wait on it meanwhile: it
        // waits for the `online` event.
        case 'go-offline': {
          refuseIfLimited(engine, 'go offline');
          const { ms } = record(payload);
          const duration = typeof ms === 'number' ? ms : 1000;
          const target = page();
          setTimeout(() => {
            void target
              .setOfflineMode(true)
              .then(() => new Promise((resolve) => setTimeout(resolve, duration)))
              .finally(() => target.setOfflineMode(false).catch(() => undefined));
          }, 50);
          return true;
        }

        default:
          return undefined;
      }
    },
  };
}
