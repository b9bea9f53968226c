// What the test runner cannot do in some browser engine, and why: the one list of tests that do not
// run everywhere. Every browser test runs in Chromium, Firefox and WebKit (web-test-runner.config.js)
// except the ones that need a capability listed here, in the engines listed with it. A test asks
// with `skipUnlessEngineCan(this, capability)` (tests/browser/engine.ts) and is reported as skipped
// in those engines; the runner prints this list before the tests.
//
// Only what the *tests* cannot do belongs here: what the runner cannot emulate, or a measuring
// instrument a test needs that an engine lacks. A product difference between engines is never a
// reason to skip: the product handles it and the test runs everywhere.

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/**
 * @type {Record<string, { engines: Engine[], reason: string }>}
 */
export const ENGINE_LIMITS = {
  'emulate prefers-color-scheme': {
    engines: ['firefox', 'webkit'],
    reason:
      'only Chromium lets the runner switch the preference during a test (DevTools protocol); ' +
      'WebDriver BiDi and WebKitWebDriver have no media-feature emulation. The dark theme is still ' +
      'tested there through `color-scheme: dark`.',
  },
  'emulate prefers-reduced-motion': {
    engines: ['firefox', 'webkit'],
    reason:
      'only Chromium lets the runner switch the preference during a test (DevTools protocol); ' +
      'WebDriver BiDi and WebKitWebDriver have no media-feature emulation.',
  },
  'emulate forced-colors': {
    engines: ['chromium', 'firefox', 'webkit'],
    reason:
      "no runner here emulates it (puppeteer's emulateMediaFeatures rejects forced-colors); the " +
      'forced-colours CSS rules are checked in every engine instead.',
  },
  'observe long tasks': {
    engines: ['firefox', 'webkit'],
    reason:
      'the Long Tasks API (PerformanceObserver type "longtask") that measures them exists in ' +
      'Chromium only; elsewhere the test would watch nothing and pass.',
  },
  'go offline': {
    engines: ['webkit'],
    reason:
      'WebKitWebDriver cannot take a page offline (Chromium: DevTools protocol; Firefox: WebDriver ' +
      'BiDi network conditions). Network failures themselves are tested in every engine with the ' +
      'fault server.',
  },
};

/**
 * The capabilities an engine lacks, each with its reason.
 * @param {Engine} engine
 * @returns {Record<string, string>}
 */
export function limitsOf(engine) {
  return Object.fromEntries(
    Object.entries(ENGINE_LIMITS)
      .filter(([, limit]) => limit.engines.includes(engine))
      .map(([capability, limit]) => [capability, limit.reason]),
  );
}
