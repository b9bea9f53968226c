#!/usr/bin/env node
// Runs the browser tests (`npm run test:browser`): makes sure the engines' browsers are installed
// (scripts/ensure-system-tools.js), then runs @web/test-runner in them.
//
//   npm run test:browser                                  Chromium, Firefox and WebKit
//   npm run test:browser -- --engine firefox              one engine (repeat, or "a,b", for more)
//   npm run test:browser -- --engine webkit --files tests/browser/smoke.test.ts
//
// Other arguments go to wtr. `--engine` sets TEST_ENGINES, which web-test-runner.config.js reads
// (so `TEST_ENGINES=webkit npx wtr …` works too).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemTools } from './ensure-system-tools.js';
import { parseEngines } from './wtr/engines.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @type {string[]} */
const named = [];
/** @type {string[]} */
const rest = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i] ?? '';
  if (arg === '--engine') named.push(args[(i += 1)] ?? '');
  else if (arg.startsWith('--engine=')) named.push(arg.slice('--engine='.length));
  else rest.push(arg);
}

/** @type {string[]} */
let engines;
try {
  engines = parseEngines(named.length > 0 ? named.join(',') : process.env.TEST_ENGINES);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (ensureSystemTools(engines) !== 0) process.exit(1);

// The runner's own command-line entry point (what `npx wtr` runs), beside its main module.
const wtr = join(dirname(createRequire(import.meta.url).resolve('@web/test-runner')), 'bin.js');
const result = spawnSync(process.execPath, [wtr, ...rest], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TEST_ENGINES: engines.join(',') },
});
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
