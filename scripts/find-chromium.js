// Locates a Chromium/Chrome executable for the benchmark and the Node tests that drive a browser.
// No downloads: CHROME_PATH, then the usual system names (the table is in scripts/system-tools.js).
import { findTool } from './system-tools.js';

/** Command-line flags for a headless Chromium that runs tests: nothing in the background, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Returns the path of a Chromium/Chrome executable, or null when none is found.
 * `CHROME_PATH` wins when it points at an executable file.
 * @returns {string | null}
 */
export function findChromium() {
  return findTool('chromium');
}
