#!/usr/bin/env node
// Bundle size report: each public entry bundled as a site would (rollup + node-resolve + terser,
// lazy chunks split), measured min+gzip, and held against the budgets of BRIEF §5. Prints a table;
// exits 1 when a budget is exceeded. Run: npm run size
//
// Three columns per entry: `initial` (what the page loads up front), `showing an ICS feed` (plus
// the chunks an ICS source loads: the parser and the recurrence engine), and `everything` (plus
// the chunks loaded only on demand: Google Calendar, exports, one language's catalog, …).
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuildTs from './rollup-esbuild-ts.js';

const KB = 1024;
const ALL = '\0all-elements';

/** Entries and their budgets (min+gzip): `initial` = loaded up front, `ics` = a page showing an ICS feed. */
const ENTRIES = [
  { name: '<otel-event-list> (JSON source: no parser)', input: 'src/elements/event-list/define.ts', initial: 15 * KB },
  { name: '<otel-discussion-card>', input: 'src/elements/discussion-card/define.ts' },
  { name: '<chatham-notice> alone', input: 'src/elements/chatham-notice/define.ts', initial: 9 * KB },
  { name: 'all three elements + ICS parser', input: ALL, ics: 40 * KB },
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

/**
 * Chunks a page showing an ICS feed downloads: the parser, the expander, and the background save
 * of the last good events (loaded after every good load, so counted here too).
 */
const isIcsModule = (id) => /[\\/]src[\\/](?:calendar[\\/](?:parse|expand)|elements[\\/]shared[\\/]persist-loaded)\.ts$/.test(id) || /[\\/]node_modules[\\/]ical\.js[\\/]/.test(id);
/** Language catalogs: a page loads one at most (none in English). */
const isCatalog = (id) => /[\\/]messages[\\/](?!index|catalogs|en\.)[^\\/]+\.ts$/.test(id ?? '');

async function measure(input) {
  const bundle = await rollup({
    input,
    plugins: [allElements, esbuildTs({ target: 'es2022' }), nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts'] }), terser({ ecma: 2020, module: true, compress: { passes: 2 } })],
    onwarn: () => undefined,
  });
  const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
  await bundle.close();
  const byName = new Map(output.filter((c) => c.type === 'chunk').map((c) => [c.fileName, c]));
  const sizes = new Map([...byName].map(([name, c]) => [name, gzipSync(c.code, { level: 9 }).length]));
  // What a chunk pulls in statically comes with it.
  const closure = (roots) => {
    const seen = new Set();
    const visit = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const imported of byName.get(name)?.imports ?? []) visit(imported);
    };
    roots.forEach(visit);
    return seen;
  };
  const initialSet = closure([...byName].filter(([, c]) => c.isEntry).map(([name]) => name));
  const icsSet = closure([...byName].filter(([name, c]) => !initialSet.has(name) && Object.keys(c.modules).some(isIcsModule)).map(([name]) => name));
  let initial = 0;
  let ics = 0;
  let onDemand = 0;
  let largestCatalog = 0;
  const chunks = [];
  for (const [name, size] of sizes) {
    const chunk = byName.get(name);
    if (initialSet.has(name)) initial += size;
    else if (isCatalog(chunk?.facadeModuleId)) largestCatalog = Math.max(largestCatalog, size);
    else {
      const kind = icsSet.has(name) ? 'ICS source' : 'on demand';
      if (kind === 'ICS source') ics += size;
      else onDemand += size;
      const modules = Object.keys(chunk?.modules ?? {})
        .filter((id) => chunk?.modules[id]?.renderedLength)
        .map((id) => id.replace(/^.*[\\/](?:src|node_modules)[\\/]/, ''));
      chunks.push({ name, size, kind, modules });
    }
  }
  if (largestCatalog > 0) chunks.push({ name: 'largest language catalog', size: largestCatalog, kind: 'on demand', modules: [] });
  return { initial, ics: initial + ics, total: initial + ics + onDemand + largestCatalog, chunks };
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
const rows = [];
for (const entry of ENTRIES) {
  const { initial, ics, total, chunks } = await measure(entry.input);
  const over = (entry.initial !== undefined && initial > entry.initial) || (entry.ics !== undefined && ics > entry.ics);
  failed ||= over;
  const budget = entry.initial !== undefined ? `initial ≤ ${kb(entry.initial)}` : entry.ics !== undefined ? `ICS ≤ ${kb(entry.ics)}` : '—';
  rows.push([entry.name, kb(initial), kb(ics), kb(total), budget, over ? 'OVER' : entry.initial ?? entry.ics ? 'ok' : '']);
  for (const c of chunks) {
    const what = c.modules.length > 3 ? `${c.modules.slice(0, 3).join(', ')}, …` : c.modules.join(', ');
    rows.push([`  ${c.kind}: ${c.name}${what ? ` (${what})` : ''}`, '', c.kind === 'ICS source' ? `+${kb(c.size)}` : '', c.kind === 'ICS source' ? '' : `+${kb(c.size)}`, '', '']);
  }
}
const headers = ['entry (min+gzip)', 'initial', 'showing an ICS feed', 'everything (one language)', 'budget', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
console.log(line(headers));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
if (failed) {
  console.error('\nsize: a budget is exceeded (BRIEF §5).');
  process.exitCode = 1;
}
