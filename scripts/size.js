#!/usr/bin/env node
// Bundle size report: each public entry bundled as a site would (rollup + node-resolve + terser,
// lazy chunks split), measured min+gzip, and held against the budgets of BRIEF §5. Prints a table;
// exits 1 when a budget is exceeded. Run: npm run size
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuildTs from './rollup-esbuild-ts.js';

const KB = 1024;
const ALL = '\0all-elements';

/** Entries and their budgets (min+gzip): `initial` = what a page loads up front, `total` = with lazy chunks. */
const ENTRIES = [
  { name: '<otel-event-list> (JSON source: no ical.js)', input: 'src/elements/event-list/define.ts', initial: 15 * KB },
  { name: '<otel-discussion-card>', input: 'src/elements/discussion-card/define.ts' },
  { name: '<chatham-notice> alone', input: 'src/elements/chatham-notice/define.ts', initial: 9 * KB },
  { name: 'all three elements + ical.js', input: ALL, total: 40 * KB },
  { name: 'calendar engine (otel-community-widgets/calendar)', input: 'src/calendar/index.ts' },
];

const allElements = {
  name: 'all-elements',
  resolveId: (id) => (id === ALL ? ALL : null),
  load: (id) =>
    id === ALL
      ? ['event-list', 'discussion-card', 'chatham-notice']
          .map((e) => `import ${JSON.stringify(resolve(`src/elements/${e}/define.ts`))};`)
          .join('\n')
      : null,
};

async function measure(input) {
  const bundle = await rollup({
    input,
    plugins: [allElements, esbuildTs({ target: 'es2022' }), nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] }), terser()],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
  await bundle.close();
  const byName = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const sizes = new Map([...byName].map(([name, c]) => [name, gzipSync(c.code, { level: 9 }).length]));
  // Initial: the entry and what it imports statically (transitively); the rest loads on demand.
  const initialSet = new Set();
  const visit = (name) => {
    if (initialSet.has(name)) return;
    initialSet.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const [name, c] of byName) if (c.isEntry) visit(name);
  // A page loads one language's catalog at most: count the largest, not all of them.
  const isCatalog = (name) => /\/messages\/[^/]+\.ts$/.test(byName.get(name)?.facadeModuleId ?? '');
  let initial = 0;
  let total = 0;
  let largestCatalog = 0;
  const chunks = [];
  for (const [name, size] of sizes) {
    if (initialSet.has(name)) {
      initial += size;
      total += size;
    } else if (isCatalog(name)) {
      largestCatalog = Math.max(largestCatalog, size);
    } else {
      total += size;
      chunks.push({ name, size });
    }
  }
  if (largestCatalog > 0) chunks.push({ name: 'largest language catalog', size: largestCatalog });
  return { initial, total: total + largestCatalog, chunks };
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
const rows = [];
for (const entry of ENTRIES) {
  const { initial, total, chunks } = await measure(entry.input);
  const over = (entry.initial !== undefined && initial > entry.initial) || (entry.total !== undefined && total > entry.total);
  failed ||= over;
  const budget = entry.initial !== undefined ? `initial ≤ ${kb(entry.initial)}` : entry.total !== undefined ? `total ≤ ${kb(entry.total)}` : '—';
  rows.push([entry.name, kb(initial), kb(total), budget, over ? 'OVER' : entry.initial ?? entry.total ? 'ok' : '']);
  for (const c of chunks) rows.push([`  lazy: ${c.name}`, '', kb(c.size), '', '']);
}
const headers = ['entry (min+gzip)', 'initial', 'with lazy chunks (one language)', 'budget', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(headers));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (failed) {
  console.error('\nsize: a budget is exceeded (BRIEF §5).');
  process.exitCode = 1;
}
