#!/usr/bin/env node
// Regenerates custom-elements.json from the element sources (`npm run analyze`), with the
// arguments scripts/check-manifest.js checks against.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { ANALYZE_ARGS } from './check-manifest.js';

const cli = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
const result = spawnSync(process.execPath, [cli, ...ANALYZE_ARGS, '--outdir', '.'], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
