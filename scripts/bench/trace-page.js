#!/usr/bin/env node
// Diagnostic for long tasks: loads one benchmark page under Chromium's tracing (the timeline and
// the V8 sampling profiler together), then prints every main-thread task over 50 ms, when it ran
// (beside the probe's marks: first row, the element's definition, its take-over of prerendered
// rows) and what filled it: the browser's own work (style, layout, HTML parsing, script compile,
// garbage collection) and the page's JavaScript by source module and function (the bundles are
// rebuilt unminified, as for profile-page.js).
//
// Usage: node scripts/bench/trace-page.js <otel-ics|otel-json|fullcalendar|floor|prerendered> <events>
//                                          [--top N] [--threshold MS]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { categoryOf, moduleIndex } from './attribution.js';
import { withDiagnosticPage } from './diagnostic-page.js';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/**
 * @typedef {{ name: string, ph: string, ts: number, dur?: number, pid: number, tid: number, args?: any }} TraceEvent
 * @typedef {{ functionName: string, url: string, lineNumber: number }} CallFrame
 */

/**
 * Self time per trace event name inside one task (an event's time minus its children's).
 * @param {TraceEvent} task
 * @param {TraceEvent[]} events complete events of the same thread, sorted by start
 * @returns {Map<string, number>} name → µs
 */
function browserWork(task, events) {
  const end = task.ts + (task.dur ?? 0);
  const inside = events.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {TraceEvent[]} */
  const stack = [];
  const add = (/** @type {TraceEvent} */ e, /** @type {number} */ us) => self.set(e.name, (self.get(e.name) ?? 0) + us);
  for (const e of inside) {
    while (stack.length > 0) {
      const top = /** @type {TraceEvent} */ (stack.at(-1));
      if (top.ts + (top.dur ?? 0) > e.ts) break;
      stack.pop();
    }
    const parent = stack.at(-1);
    if (parent) add(parent, -(e.dur ?? 0));
    add(e, e.dur ?? 0);
    stack.push(e);
  }
  // The task's own time outside any traced event.
  const covered = [...self.values()].reduce((a, b) => a + b, 0);
  self.set('(task, untraced)', (task.dur ?? 0) - covered);
  return self;
}

/**
 * The V8 profile the trace carries for one process, as timed samples.
 * @param {TraceEvent[]} events
 * @param {number} pid
 * @returns {{ samples: Array<[number, number]>, frames: Map<number, CallFrame> }} [time µs, node id]
 */
function cpuSamples(events, pid) {
  /** @type {Map<number, CallFrame>} */
  const frames = new Map();
  /** @type {Array<[number, number]>} */
  const samples = [];
  let time = 0;
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') time = e.args.data.startTime;
    if (e.name !== 'ProfileChunk') continue;
    const profile = e.args.data.cpuProfile ?? {};
    for (const node of profile.nodes ?? []) frames.set(node.id, node.callFrame);
    const deltas = e.args.data.timeDeltas ?? [];
    (profile.samples ?? []).forEach((/** @type {number} */ id, /** @type {number} */ i) => {
      time += deltas[i] ?? 0;
      samples.push([time, id]);
    });
  }
  return { samples, frames };
}

/** @param {Map<string, number>} map µs @param {number} top */
const print = (map, top) =>
  [...map]
    .filter(([, us]) => us >= 500)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => `      ${(us / 1000).toFixed(1).padStart(6)} ms  ${name}`)
    .join('\n');

async function main() {
  const [kind, sizeText] = process.argv.slice(2);
  const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const top = option('--top', 12);
  const threshold = option('--threshold', 50);
  const size = Number(sizeText);
  if (!kind || !Number.isInteger(size)) throw new Error('Usage: trace-page.js <kind> <events> [--top N]');
  await withDiagnosticPage(kind, size, async ({ page, url, origin, siteDir }) => {
    await page.setViewport({ width: 1280, height: 900 });
    await page.tracing.start({ categories: CATEGORIES });
    await page.goto(url);
    // @ts-expect-error the probe's global
    await page.waitForFunction(() => globalThis.__bench?.done === true, { polling: 100, timeout: 120_000 });
    const trace = JSON.parse(new TextDecoder().decode(await page.tracing.stop()));
    // @ts-expect-error the probe's global
    const probe = await page.evaluate(() => globalThis.__bench);

    /** @type {TraceEvent[]} */
    const events = Array.isArray(trace) ? trace : trace.traceEvents;
    const navigation = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL === url);
    if (!navigation) throw new Error('The trace has no navigation to the page');
    const { pid, tid } = navigation;
    const thread = events
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const at = (/** @type {number} */ ts) => (ts - navigation.ts) / 1000;
    const { samples, frames } = cpuSamples(events, pid);
    /** @type {Map<string, (line: number) => string>} */
    const indexes = new Map();
    for (const frame of frames.values()) {
      if (!frame.url?.startsWith(origin) || !frame.url.endsWith('.js') || indexes.has(frame.url)) continue;
      indexes.set(frame.url, moduleIndex(await readFile(join(siteDir, new URL(frame.url).pathname), 'utf8')));
    }
    const moduleOf = (/** @type {CallFrame} */ f) =>
      indexes.get(f.url)?.(f.lineNumber) ?? (f.url ? new URL(f.url).pathname : f.functionName || '(native)');

    const marks = [
      ['first row painted', probe.firstRowPainted],
      ['<otel-event-list> defined', probe.upgradedAt],
      ['prerendered rows replaced (painted)', probe.takenOver],
    ]
      .filter(([, ms]) => typeof ms === 'number')
      .map(([label, ms]) => `${label} ${ms.toFixed(0)} ms`);
    console.log(`${kind} ${size}: ${marks.join('; ')}; ${probe.rows} rows; CLS entries ${probe.layoutShifts.length}\n`);
    const tasks = thread.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > threshold * 1000);
    if (tasks.length === 0) console.log(`No main-thread task over ${threshold} ms.`);
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      /** @type {Map<string, number>} */
      const byFunction = new Map();
      /** @type {Map<string, number>} */
      const byCategory = new Map();
      let previous = task.ts;
      for (const [time, id] of samples) {
        if (time < task.ts) continue;
        if (time > end) break;
        const frame = frames.get(id);
        const us = time - previous;
        previous = time;
        if (!frame || frame.functionName === '(idle)') continue;
        const module = moduleOf(frame);
        const name = `${frame.functionName || '(anonymous)'} [${module}]`;
        byFunction.set(name, (byFunction.get(name) ?? 0) + us);
        const category = categoryOf(module);
        byCategory.set(category, (byCategory.get(category) ?? 0) + us);
      }
      console.log(`Task at ${at(task.ts).toFixed(0)} ms, ${((task.dur ?? 0) / 1000).toFixed(1)} ms`);
      console.log(`    browser work (trace events, self time):\n${print(browserWork(task, thread), top)}`);
      console.log(`    JavaScript samples by kind of work:\n${print(byCategory, top)}`);
      console.log(`    JavaScript samples by function:\n${print(byFunction, top)}\n`);
    }
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
