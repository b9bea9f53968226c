/**
 * Commands that drive the browser itself, the same in every engine the tests run in (Chromium,
 * Firefox, WebKit): the viewport, key presses, media features, going offline. The runner side is
 * scripts/wtr/engine-commands.js; what an engine cannot do is listed, with the reason, in
 * tests/browser/engine-limits.js, and a test that needs it starts with `skipUnlessEngineCan`.
 */
import { executeServerCommand } from '@web/test-runner-commands';

/** The capabilities of tests/browser/engine-limits.js. */
export type Capability =
  | 'emulate prefers-color-scheme'
  | 'emulate prefers-reduced-motion'
  | 'emulate forced-colors'
  | 'observe long tasks'
  | 'go offline';

export interface EngineInfo {
  engine: 'chromium' | 'firefox' | 'webkit';
  /** Capabilities this engine lacks, with the reason. */
  limits: Partial<Record<Capability, string>>;
}

let info: Promise<EngineInfo> | undefined;

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const result = await executeServerCommand<T, unknown>(name, payload);
  if (result === undefined) throw new Error(`the test runner does not know the command ${name}`);
  return result;
}

/** The engine this page runs in, and what the runner cannot do in it. */
export function engineInfo(): Promise<EngineInfo> {
  info ??= command<EngineInfo>('engine-info');
  return info;
}

/** Whether the runner can do this in the current engine. */
export async function engineCan(capability: Capability): Promise<boolean> {
  return !(capability in (await engineInfo()).limits);
}

/**
 * Skips the current test in the engines that lack `capability` (see engine-limits.js).
 * Call it first in a `function () {}` test, with its `this`.
 */
export async function skipUnlessEngineCan(context: Mocha.Context, capability: Capability): Promise<void> {
  if (!(await engineCan(capability))) context.skip();
}

/** Resizes the page's viewport, in CSS px. */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await command('engine-set-viewport', size);
}

/** Presses (`press`), holds (`down`) or releases (`up`) a key by name (`Tab`, `Shift`), or types text. */
export async function sendKeys(
  keys: { press: string } | { down: string } | { up: string } | { type: string },
): Promise<void> {
  await command('engine-send-keys', keys);
}

/**
 * Emulates media features. Setting one back to its default (`light`, `no-preference`, `none`)
 * works everywhere; another value needs the matching `emulate …` capability.
 */
export async function emulateMedia(media: {
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}): Promise<void> {
  await command('engine-emulate-media', media);
}

/**
 * Takes the page off the network for `ms` milliseconds, starting just after this resolves (wait
 * for the `offline` and `online` events). Needs the `go offline` capability.
 */
export async function goOffline(ms: number): Promise<void> {
  await command('go-offline', { ms });
}
