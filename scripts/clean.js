#!/usr/bin/env node
// Removes each folder given as an argument (recursively). Missing folders are not an error.
// Usage: node scripts/clean.js dist demo/build
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

for (const dir of process.argv.slice(2)) {
  rmSync(resolve(dir), { recursive: true, force: true });
}
