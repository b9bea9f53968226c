#!/usr/bin/env node
// Checks that the committed custom-elements.json matches the element sources: regenerates the
// manifest in memory (same analyzer arguments as `npm run analyze`) and compares it
// with the committed copy — the one in git's index when this is a git checkout (the build rewrites
// the working copy, so CI compares against what was committed), else the file on disk.
// Exits 1 with a summary of what differs. Run: npm run check:manifest
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYZER_GLOBS } from './elements.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = 'custom-elements.json';
/**
 * The analyzer's arguments; `npm run analyze` uses the same (with `--outdir .`): the elements' own
 * folders and their event classes, the public API, not the shared internals.
 */
export const ANALYZE_ARGS = ['analyze', '--litelement', '--globs', ...ANALYZER_GLOBS];
const MAX_LISTED = 20;

/**
 * Regenerates the manifest from the sources and returns its text, as the CLI would write it.
 * The analyzer runs in-process with `noWrite` and its default outdir: run as a CLI with another
 * `--outdir` it would also rewrite package.json's "customElements" field to point there.
 */
async function generate() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const manifest = await cli({ argv: [...ANALYZE_ARGS, '--quiet'], cwd: ROOT, noWrite: true });
    return `${JSON.stringify(manifest, null, 2)}\n`;
  } finally {
    process.chdir(cwd);
  }
}

/** The committed manifest and where it was read from. */
function committed() {
  const fromIndex = spawnSync('git', ['show', `:${MANIFEST}`], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (fromIndex.status === 0) return { text: fromIndex.stdout, where: `${MANIFEST} as committed (git index)` };
  try {
    return { text: readFileSync(join(ROOT, MANIFEST), 'utf8'), where: MANIFEST };
  } catch {
    return { text: undefined, where: MANIFEST };
  }
}

/** A readable name for a value's place: modules[path].declarations[tag].members[name]… */
function label(value, index) {
  if (value && typeof value === 'object') {
    for (const key of ['tagName', 'path', 'name']) {
      if (typeof value[key] === 'string') return `[${value[key]}]`;
    }
  }
  return `[${index}]`;
}

/**
 * The places where two JSON values differ, as paths. Arrays of named things are matched by name
 * (so an added member shows as one addition, not as every following member changed).
 * @returns {string[]}
 */
export function jsonDifferences(expected, actual, path = '') {
  if (Object.is(expected, actual)) return [];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const keyed = (list) => new Map(list.map((item, i) => [label(item, i), item]));
    const a = keyed(expected);
    const b = keyed(actual);
    const out = [];
    for (const [key, item] of a)
      out.push(...(b.has(key) ? jsonDifferences(item, b.get(key), path + key) : [`removed ${path}${key}`]));
    for (const key of b.keys()) if (!a.has(key)) out.push(`added   ${path}${key}`);
    return out;
  }
  if (
    expected &&
    actual &&
    typeof expected === 'object' &&
    typeof actual === 'object' &&
    !Array.isArray(expected) &&
    !Array.isArray(actual)
  ) {
    const out = [];
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      if (!(key in actual)) out.push(`removed ${path}.${key}`);
      else if (!(key in expected)) out.push(`added   ${path}.${key}`);
      else out.push(...jsonDifferences(expected[key], actual[key], `${path}.${key}`));
    }
    return out;
  }
  return [
    `changed ${path || '(root)'}: ${JSON.stringify(expected)?.slice(0, 80)} → ${JSON.stringify(actual)?.slice(0, 80)}`,
  ];
}

async function main() {
  const fresh = await generate();
  const { text, where } = committed();
  if (text === undefined) {
    console.error(`check:manifest: ${MANIFEST} is missing. Run \`npm run analyze\` and commit it.`);
    return 1;
  }
  if (text.trim() === fresh.trim()) {
    console.log(`check:manifest: ${where} matches the element sources.`);
    return 0;
  }
  let differences;
  try {
    differences = jsonDifferences(JSON.parse(text), JSON.parse(fresh));
  } catch {
    differences = ['the committed file is not valid JSON'];
  }
  if (differences.length === 0) differences = ['formatting only (same JSON)'];
  console.error(
    `check:manifest: ${where} does not match the element sources (${differences.length} difference${differences.length === 1 ? '' : 's'}, committed → source):`,
  );
  for (const line of differences.slice(0, MAX_LISTED)) console.error(`  ${line}`);
  if (differences.length > MAX_LISTED) console.error(`  … and ${differences.length - MAX_LISTED} more`);
  console.error(
    `Run \`npm run analyze\` (or \`npm run build\`) and commit ${MANIFEST} and docs/elements/ with the source change.`,
  );
  return 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(`check:manifest: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
