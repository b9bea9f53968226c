#!/usr/bin/env node
// Diagnostic behind docs/performance.md's "where the time goes": loads one benchmark page with
// V8's CPU profiler on and prints self time grouped by source module (the bundles are rebuilt
// unminified, where esbuild marks each module with a `// path` comment) and by function.
//
// Usage: node scripts/bench/profile-page.js <otel-ics|otel-json|fullcalendar|floor|prerendered> <events> [--top N]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { categoryOf, moduleIndex } from './attribution.js';
import { withDiagnosticPage } from './diagnostic-page.js';

async function main() {
  const [kind, sizeText] = process.argv.slice(2);
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 20;
  const size = Number(sizeText);
  if (!kind || !Number.isInteger(size)) throw new Error('Usage: profile-page.js <kind> <events> [--top N]');
  await withDiagnosticPage(kind, size, async ({ page, url: pageUrl, origin, siteDir }) => {
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(pageUrl);
    // @ts-expect-error the probe's global
    await page.waitForFunction(() => globalThis.__bench?.done === true, { polling: 100, timeout: 120_000 });
    // @ts-expect-error the probe's global
    const firstRow = await page.evaluate(() => /** @type {number} */ (globalThis.__bench.firstRowPainted));
    const { profile } = await cdp.send('Profiler.stop');

    /** @type {Map<string, (line: number) => string>} */
    const indexes = new Map();
    for (const node of profile.nodes) {
      const url = node.callFrame.url;
      if (!url.startsWith(origin) || indexes.has(url) || !url.endsWith('.js')) continue;
      const file = join(siteDir, new URL(url).pathname);
      indexes.set(url, moduleIndex(await readFile(file, 'utf8')));
    }
    /** @type {Map<number, number>} */
    const selfTime = new Map();
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const id = /** @type {number} */ (samples[i]);
      selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
    }
    /** @type {Map<string, number>} */
    const byModule = new Map();
    /** @type {Map<string, number>} */
    const byFunction = new Map();
    /** @type {Map<string, number>} */
    const byCategory = new Map();
    let total = 0;
    for (const node of profile.nodes) {
      const ms = selfTime.get(node.id) ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === '(idle)') continue;
      total += ms;
      const module = indexes.get(url)?.(lineNumber) ?? (url ? new URL(url).pathname : functionName || '(native)');
      byModule.set(module, (byModule.get(module) ?? 0) + ms);
      const category = categoryOf(module);
      byCategory.set(category, (byCategory.get(category) ?? 0) + ms);
      const fn = `${functionName || '(anonymous)'} [${module}]`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    }
    /** @param {Map<string, number>} map */
    const print = (map) =>
      [...map]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`,
        )
        .join('\n');
    console.log(
      `${kind} ${size}: first row painted at ${firstRow.toFixed(0)} ms; ${total.toFixed(0)} ms of non-idle main-thread samples\n`,
    );
    console.log(
      `By kind of work:\n${print(byCategory)}\n\nBy module:\n${print(byModule)}\n\nBy function:\n${print(byFunction)}`,
    );
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
