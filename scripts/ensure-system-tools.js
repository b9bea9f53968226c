#!/usr/bin/env node
// Makes sure the programs the tests run are installed (the table is in scripts/system-tools.js).
//
//   node scripts/ensure-system-tools.js                  the browsers of every engine the tests use
//   node scripts/ensure-system-tools.js firefox webkit   the tools of these engines
//   node scripts/ensure-system-tools.js hugo             any tool of the table, by name
//
// All found: prints nothing, exits 0. Some missing: as root on Debian/Ubuntu, runs `apt-get update`
// once and `apt-get install -y` with every missing package; otherwise prints that command and exits
// 1. Never downloads a browser build itself.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ENGINE_TOOLS, SYSTEM_TOOLS, findTool } from './system-tools.js';

/**
 * The tool names a list of engine and tool names stands for, without repeats.
 * @param {string[]} names  Engines (keys of ENGINE_TOOLS) or tools (keys of SYSTEM_TOOLS).
 * @returns {string[]}
 */
export function toolsFor(names) {
  const tools = names.flatMap((name) => {
    if (name in ENGINE_TOOLS) return ENGINE_TOOLS[/** @type {keyof ENGINE_TOOLS} */ (name)];
    if (name in SYSTEM_TOOLS) return [name];
    throw new Error(
      `Unknown engine or tool "${name}"; engines: ${Object.keys(ENGINE_TOOLS).join(', ')}; ` +
        `tools: ${Object.keys(SYSTEM_TOOLS).join(', ')}`,
    );
  });
  return [...new Set(tools)];
}

/** @param {string[]} args */
function aptGet(args) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/**
 * Installs what is missing of the named engines' and tools' programs when it can.
 * @param {string[]} names
 * @returns {number} The process exit code: 0 when everything is there (now).
 */
export function ensureSystemTools(names) {
  const missing = () => toolsFor(names).filter((tool) => findTool(tool) === null);
  const before = missing();
  if (before.length === 0) return 0;

  const packages = [...new Set(before.map((tool) => SYSTEM_TOOLS[tool].aptPackage))];
  const labels = before.map((tool) => SYSTEM_TOOLS[tool].label).join(', ');
  const command = `apt-get install -y ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/etc/debian_version')) {
    console.error(`Not installed: ${labels}. Running: apt-get update && ${command}`);
    if (aptGet(['update']) && aptGet(['install', '-y', ...packages]) && missing().length === 0) return 0;
  }

  const variables = before.map((tool) => SYSTEM_TOOLS[tool].env).join(', ');
  console.error(`Not installed: ${labels}.`);
  console.error(`Install with: sudo apt-get update && sudo ${command}`);
  console.error(`(or point ${variables} at an installed copy)`);
  return 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  try {
    process.exitCode = ensureSystemTools(names.length > 0 ? names : Object.keys(ENGINE_TOOLS));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
