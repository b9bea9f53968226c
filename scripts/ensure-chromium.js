#!/usr/bin/env node
// Makes sure a Chromium/Chrome executable is available for `wtr`.
// Found: prints nothing, exits 0. Missing: as root on Debian/Ubuntu, installs the `chromium`
// apt package; otherwise exits 1 with instructions. Never downloads a browser build itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.js';

const MESSAGE =
  'Chromium not found. Install it with: sudo apt-get update && sudo apt-get install -y chromium (or set CHROME_PATH)';

/** @param {string[]} args */
function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

function main() {
  if (findChromium()) return 0;

  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error('Chromium not found; installing it with apt-get ...');
    if (aptGet(['update']) && aptGet(['install', '-y', 'chromium']) && findChromium()) return 0;
  }

  console.error(MESSAGE);
  return 1;
}

process.exitCode = main();
