#!/usr/bin/env node
// Runs the Node test suite: every tests/node/**/*.test.ts file, through `node --test` with tsx.
// (Node 20's `--test` does not expand glob patterns itself, so the files are listed here.)
// Extra arguments are passed on to node, e.g.: node scripts/run-node-tests.js --test-name-pattern=rrule
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEST_DIR = join(ROOT, 'tests', 'node');

const files = existsSync(TEST_DIR)
  ? readdirSync(TEST_DIR, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => relative(ROOT, join(TEST_DIR, file)))
      .sort()
  : [];

if (files.length === 0) {
  console.log('No Node tests found (tests/node/**/*.test.ts).');
  process.exit(0);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  // Pin the process zone (tests must not depend on the machine's); one with DST on purpose.
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TZ: 'America/New_York' } },
);
if (result.error) throw result.error;
process.exitCode = result.status ?? 1;
