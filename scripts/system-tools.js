// The programs from the operating system that the tests and recipes run, in one table: where each
// is looked for and which Debian package provides it. Nothing here downloads anything; see
// scripts/ensure-system-tools.js for the installer that reads this table.
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/**
 * @typedef {object} SystemTool
 * @property {string} label       What to call it in messages.
 * @property {string} env         Environment variable that, set to an executable, wins.
 * @property {string[]} commands  Names looked up on PATH, in order.
 * @property {string[]} paths     Absolute paths (or `dir/*\/file` patterns) checked after PATH.
 * @property {string} aptPackage  The Debian package that installs it.
 */

/** @type {Record<string, SystemTool>} */
export const SYSTEM_TOOLS = {
  chromium: {
    label: 'Chromium',
    env: 'CHROME_PATH',
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
    paths: ['/snap/bin/chromium'],
    aptPackage: 'chromium',
  },
  firefox: {
    label: 'Firefox',
    env: 'FIREFOX_PATH',
    commands: ['firefox-esr', 'firefox'],
    paths: [],
    aptPackage: 'firefox-esr',
  },
  'webkit-webdriver': {
    label: 'WebKitWebDriver',
    env: 'WEBKIT_WEBDRIVER_PATH',
    commands: ['WebKitWebDriver'],
    paths: [],
    aptPackage: 'webkit2gtk-driver',
  },
  'webkit-minibrowser': {
    label: "WebKitGTK's MiniBrowser",
    env: 'WEBKIT_MINIBROWSER_PATH',
    commands: [],
    // Debian installs it beside the library, in a directory named after the multiarch triplet.
    paths: [
      '/usr/lib/*/webkitgtk-6.0/MiniBrowser',
      '/usr/lib/*/webkit2gtk-4.1/MiniBrowser',
      '/usr/lib/*/webkit2gtk-4.0/MiniBrowser',
    ],
    aptPackage: 'webkit2gtk-driver',
  },
  'xvfb-run': {
    label: 'xvfb-run (a virtual X display)',
    env: 'XVFB_RUN_PATH',
    commands: ['xvfb-run'],
    paths: [],
    aptPackage: 'xvfb',
  },
  hugo: {
    label: 'Hugo',
    env: 'HUGO_PATH',
    commands: ['hugo'],
    paths: [],
    aptPackage: 'hugo',
  },
};

/** The tools each browser engine of the test suite needs. */
export const ENGINE_TOOLS = {
  chromium: ['chromium'],
  firefox: ['firefox'],
  webkit: ['webkit-webdriver', 'webkit-minibrowser', 'xvfb-run'],
};

/** @param {string} path */
function isExecutableFile(path) {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands one `*` directory component (`/usr/lib/*\/webkit2gtk-4.1/MiniBrowser`), sorted.
 * @param {string} pattern
 * @returns {string[]}
 */
function expand(pattern) {
  const star = pattern.indexOf('/*/');
  if (star < 0) return [pattern];
  const parent = pattern.slice(0, star) || '/';
  const rest = pattern.slice(star + 3);
  try {
    return readdirSync(parent)
      .sort()
      .map((entry) => join(parent, entry, rest));
  } catch {
    return [];
  }
}

/**
 * Returns the absolute path of a tool from {@link SYSTEM_TOOLS}, or null when it is not installed.
 * The tool's environment variable wins when it names an executable (a path, or a command on PATH).
 * @param {string} name  A key of SYSTEM_TOOLS.
 * @returns {string | null}
 */
export function findTool(name) {
  const tool = SYSTEM_TOOLS[name];
  if (!tool) throw new Error(`Unknown system tool "${name}"; known: ${Object.keys(SYSTEM_TOOLS).join(', ')}`);
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(isAbsolute);
  /** @param {string} command */
  const onPath = (command) => (isAbsolute(command) ? [command] : dirs.map((dir) => join(dir, command)));
  const fromEnv = process.env[tool.env];
  const candidates = [
    ...(fromEnv ? onPath(fromEnv) : []),
    ...tool.commands.flatMap(onPath),
    ...tool.paths.flatMap(expand),
  ];
  return candidates.find(isExecutableFile) ?? null;
}
