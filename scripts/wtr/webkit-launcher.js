// A @web/test-runner browser launcher for WebKit: WebKitGTK's MiniBrowser (Debian's
// webkit2gtk-driver), driven through WebKitWebDriver over the W3C WebDriver protocol, on a
// virtual X display (xvfb-run). It speaks that protocol with fetch; nothing is downloaded.
//
// Each window is one WebKitWebDriver process with one session (the driver serves one session at
// a time), so `concurrency` windows run test files side by side. Besides the launcher interface,
// it offers what the project's own test commands need (scripts/wtr/engine-commands.js): the
// viewport size and key presses.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * MiniBrowser's toolbar keeps its window at least ~450 px wide. This GTK user stylesheet shrinks
 * the toolbar's widgets so that the page's viewport can be made as narrow as a phone's (320 CSS
 * px); it styles MiniBrowser's own widgets only, never the page.
 */
const GTK_CSS = '* { font-size: 1px; min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; }\n';

/** WebDriver's code points for the keys the tests press, by the names puppeteer uses. */
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: '\uE00D',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};

/**
 * The WebDriver key value of a key name (`Tab`, `Shift`, `a`).
 * @param {string} key
 */
function keyValue(key) {
  if (Object.hasOwn(KEYS, key)) return KEYS[/** @type {keyof typeof KEYS} */ (key)];
  if ([...key].length === 1) return key;
  throw new Error(`WebKit launcher: unknown key "${key}"`);
}

/** @returns {Promise<number>} A TCP port that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One MiniBrowser window: its WebKitWebDriver process (on its own X display) and session. */
class MiniBrowserWindow {
  /**
   * @param {{ driver: string, miniBrowser: string, xvfbRun: string, env: NodeJS.ProcessEnv }} tools
   */
  constructor(tools) {
    this.tools = tools;
    /** @type {import('node:child_process').ChildProcess | undefined} */
    this.process = undefined;
    this.base = '';
    this.session = '';
    /** The viewport the page had after the last resize (the window is larger by the toolbar). */
    this.viewport = { width: 0, height: 0 };
  }

  /**
   * Sends one WebDriver command; returns its `value`, throws its error.
   * @param {string} method
   * @param {string} path  Below /session/<id>, or absolute when it starts with `/status` or `/session`.
   * @param {unknown} [body]
   * @returns {Promise<unknown>}
   */
  async command(method, path, body) {
    const url = path.startsWith('/') ? `${this.base}${path}` : `${this.base}/session/${this.session}/${path}`;
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = /** @type {{ value?: { error?: string, message?: string } | unknown }} */ (await response.json());
    const value = answer.value;
    if (!response.ok) {
      const error = typeof value === 'object' && value !== null && 'error' in value ? value : {};
      throw new Error(`WebDriver ${method} ${path}: ${String(error.error)}: ${String(error.message)}`);
    }
    return value;
  }

  async open() {
    const { driver, miniBrowser, xvfbRun, env } = this.tools;
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    // A process group of its own, so that stopping it stops Xvfb and the browser too. With no
    // window manager, X gives the keyboard focus to the window under the pointer, which starts at
    // the centre of the screen: a screen smaller than the smallest window keeps it inside the
    // window at every viewport size (windows may be larger than the screen).
    this.process = spawn(xvfbRun, ['-a', '-s', '-screen 0 320x240x24', driver, `--port=${port}`], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    let stderr = '';
    this.process.stderr?.on('data', (chunk) => {
      stderr = (stderr + String(chunk)).slice(-2000);
    });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.command('GET', '/status');
        break;
      } catch (error) {
        if (attempt > 150 || this.process.exitCode !== null) {
          throw new Error(`WebKitWebDriver did not start: ${stderr || String(error)}`, { cause: error });
        }
        await sleep(100);
      }
    }
    const created = /** @type {{ sessionId: string }} */ (
      await this.command('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            pageLoadStrategy: 'none',
            'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
          },
        },
      })
    );
    this.session = created.sessionId;
  }

  /**
   * Resizes the window so that the page's viewport is `width` × `height` CSS px: the window is
   * the viewport plus MiniBrowser's toolbar, measured after a first resize. Under Xvfb (no window
   * manager) a resize reaches the page a little after the command returns, and on a busy machine
   * later still, so the viewport is read until it stops changing before the next correction.
   * @param {{ width: number, height: number }} size
   */
  async setViewport({ width, height }) {
    let target = { width, height };
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await this.command('POST', 'window/rect', target);
      const [innerWidth, innerHeight] = await this.settledViewport();
      this.viewport = { width: innerWidth, height: innerHeight };
      if (innerWidth === width && innerHeight === height) return;
      target = { width: target.width + width - innerWidth, height: target.height + height - innerHeight };
    }
    throw new Error(
      `WebKit launcher: asked for a ${width}×${height} viewport, got ${this.viewport.width}×${this.viewport.height}`,
    );
  }

  /**
   * The page's viewport once two readings 100 ms apart agree (at most about two seconds).
   * @returns {Promise<[number, number]>}
   */
  async settledViewport() {
    const read = async () => /** @type {[number, number]} */ (await this.evaluate('return [innerWidth, innerHeight];'));
    let last = await read();
    for (let i = 0; i < 20; i += 1) {
      await sleep(100);
      const now = await read();
      if (now[0] === last[0] && now[1] === last[1]) return now;
      last = now;
    }
    return last;
  }

  /**
   * Presses, holds or releases keys, as a user would (WebDriver key actions; a key held down stays
   * down for the next command until it is released).
   * @param {{ type: 'keyDown' | 'keyUp', value: string }[]} actions
   */
  async keys(actions) {
    await this.command('POST', 'actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /**
   * Runs a script in the page and returns its result. Navigations do not wait for the page to
   * load (the runner waits for the tests to report instead), so a page may still be replacing the
   * previous one: the script is then run again, for up to five seconds.
   * @param {string} script  A function body.
   * @returns {Promise<unknown>}
   */
  async evaluate(script) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.command('POST', 'execute/sync', { script, args: [] });
      } catch (error) {
        if (attempt >= 100 || !/no such frame|unload/i.test(String(error))) throw error;
        await sleep(50);
      }
    }
  }

  /** @param {string} url */
  async navigate(url) {
    await this.command('POST', 'url', { url });
  }

  async close() {
    try {
      if (this.session) await this.command('DELETE', '');
    } catch {
      // The driver is being stopped anyway.
    }
    const pid = this.process?.pid;
    if (pid !== undefined && this.process?.exitCode === null) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

/**
 * @implements {import('@web/test-runner-core').BrowserLauncher}
 */
export class WebKitLauncher {
  /**
   * @param {object} options
   * @param {string} options.driver       Path of WebKitWebDriver.
   * @param {string} options.miniBrowser  Path of MiniBrowser.
   * @param {string} options.xvfbRun      Path of xvfb-run.
   * @param {string} options.timeZone     IANA zone the browser runs in (its process TZ).
   * @param {number} [options.concurrency]  Windows (test files) at once.
   */
  constructor({ driver, miniBrowser, xvfbRun, timeZone, concurrency = 1 }) {
    this.name = 'WebKit';
    this.type = 'webdriver';
    this.concurrency = concurrency;
    this.driver = driver;
    this.miniBrowser = miniBrowser;
    this.xvfbRun = xvfbRun;
    this.timeZone = timeZone;
    this.configDir = '';
    /** @type {MiniBrowserWindow[]} windows not running a test file */
    this.idle = [];
    /** @type {MiniBrowserWindow[]} */
    this.all = [];
    /** @type {Map<string, { window: MiniBrowserWindow, url: string }>} */
    this.active = new Map();
    this.stopOnExit = () => {
      for (const window of this.all) {
        const pid = window.process?.pid;
        if (pid !== undefined && window.process?.exitCode === null) {
          try {
            process.kill(-pid, 'SIGTERM');
          } catch {
            // Already gone.
          }
        }
      }
    };
  }

  async initialize() {
    this.configDir = mkdtempSync(join(tmpdir(), 'wtr-webkit-'));
    mkdirSync(join(this.configDir, 'gtk-3.0'));
    writeFileSync(join(this.configDir, 'gtk-3.0', 'gtk.css'), GTK_CSS);
    process.once('exit', this.stopOnExit);
  }

  /** @returns {Promise<MiniBrowserWindow>} */
  async takeWindow() {
    const reused = this.idle.pop();
    if (reused) return reused;
    const window = new MiniBrowserWindow({
      driver: this.driver,
      miniBrowser: this.miniBrowser,
      xvfbRun: this.xvfbRun,
      env: { ...process.env, TZ: this.timeZone, XDG_CONFIG_HOME: this.configDir },
    });
    this.all.push(window);
    await window.open();
    return window;
  }

  /**
   * @param {string} sessionId
   * @param {string} url
   */
  async startSession(sessionId, url) {
    const window = await this.takeWindow();
    this.active.set(sessionId, { window, url });
    // Every test file starts at the size the other engines' launchers give their pages.
    await window.setViewport({ width: 800, height: 600 });
    await window.navigate(url);
  }

  /** @param {string} sessionId */
  isActive(sessionId) {
    return this.active.has(sessionId);
  }

  /** @param {string} sessionId */
  getBrowserUrl(sessionId) {
    return this.active.get(sessionId)?.url;
  }

  /** @param {string} sessionId */
  async stopSession(sessionId) {
    const entry = this.active.get(sessionId);
    if (!entry) throw new Error(`No WebKit window for session ${sessionId}`);
    this.active.delete(sessionId);
    // An empty page stops the file's timers and anything else still running.
    await entry.window.navigate('about:blank');
    this.idle.push(entry.window);
    return {};
  }

  async startDebugSession() {
    throw new Error('The WebKit launcher has no debug mode; debug in Chromium or Firefox (--manual).');
  }

  async stop() {
    await Promise.all(this.all.map((window) => window.close()));
    this.all = [];
    this.idle = [];
    process.removeListener('exit', this.stopOnExit);
    if (this.configDir) rmSync(this.configDir, { recursive: true, force: true });
  }

  /**
   * The window running a test file.
   * @param {string} sessionId
   */
  window(sessionId) {
    const entry = this.active.get(sessionId);
    if (!entry) throw new Error(`No WebKit window for session ${sessionId}`);
    return entry.window;
  }

  /**
   * @param {string} sessionId
   * @param {{ width: number, height: number }} size  CSS px.
   */
  setViewport(sessionId, size) {
    return this.window(sessionId).setViewport(size);
  }

  /**
   * @param {string} sessionId
   * @param {'press' | 'down' | 'up'} how
   * @param {string} key  A key name as puppeteer spells it (`Tab`, `Shift`, `Enter`) or a character.
   */
  sendKey(sessionId, how, key) {
    const value = keyValue(key);
    /** @type {{ type: 'keyDown' | 'keyUp', value: string }[]} */
    const actions =
      how === 'press'
        ? [
            { type: 'keyDown', value },
            { type: 'keyUp', value },
          ]
        : [{ type: how === 'down' ? 'keyDown' : 'keyUp', value }];
    return this.window(sessionId).keys(actions);
  }

  /**
   * Types text, one key after the other.
   * @param {string} sessionId
   * @param {string} text
   */
  typeText(sessionId, text) {
    return this.window(sessionId).keys(
      [...text].flatMap((value) => [
        { type: /** @type {const} */ ('keyDown'), value },
        { type: /** @type {const} */ ('keyUp'), value },
      ]),
    );
  }
}
