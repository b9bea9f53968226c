// The logic of `npm run size` (scripts/size.js), kept free of I/O so it is unit-tested
// (tests/node/size-report.test.ts): which chunks a page downloads in each situation, and how the
// measured sizes compare with the budgets.

export const KB = 1024;

/**
 * What a page downloads, from least to most:
 * - `upFront`: the file of its `<script>` tag and what that imports statically;
 * - `json`: a page showing a JSON snapshot: plus the chunk that saves a copy of the last good
 *   events after the load (the default, `cache="local"`);
 * - `ics`: a page showing an ICS feed: plus the ICS reader (parser and expander);
 * - `everything`: every chunk there is, with the largest one language catalog (a page loads one
 *   catalog at most; none in English).
 * @typedef {'upFront' | 'json' | 'ics' | 'everything'} Scenario
 */
export const SCENARIOS = /** @type {const} */ (['upFront', 'json', 'ics', 'everything']);

/** Modules whose chunks every good load downloads (the save of the last good events). */
const SAVE_MODULE = /[\\/]src[\\/]elements[\\/]data[\\/]persist-loaded\.ts$/;
/** Modules whose chunks an ICS source downloads (the reader, the parser, the expander). */
const ICS_MODULE = /[\\/]src[\\/](?:elements[\\/]data[\\/]sources[\\/]ics-reader|calendar[\\/](?:parse|expand))\.ts$/;
/** Language catalogs (not English, not the lookup code). */
const CATALOG_MODULE = /[\\/]messages[\\/](?!index|catalogs|lookup|en\.)[^\\/]+\.ts$/;

/**
 * @typedef {object} Chunk One output chunk of a build, as Rollup describes it.
 * @property {string} fileName
 * @property {boolean} isEntry
 * @property {readonly string[]} imports Static imports (file names of other chunks).
 * @property {readonly string[]} moduleIds The source modules it holds.
 * @property {string | null} facadeModuleId
 * @property {number} gzip Its size, minified and gzipped.
 */

/**
 * The min+gzip bytes of each scenario of one build, and which chunk belongs where.
 * @param {readonly Chunk[]} chunks
 * @returns {{ sizes: Record<Scenario, number>, parts: { fileName: string, gzip: number, scenario: Scenario, modules: string[] }[] }}
 */
export function measureScenarios(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  /** @param {Iterable<Chunk>} roots */
  const closure = (roots) => {
    const seen = new Set();
    /** @param {string} name */
    const visit = (name) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const imported of byName.get(name)?.imports ?? []) visit(imported);
    };
    for (const root of roots) visit(root.fileName);
    return seen;
  };
  const holding = (/** @type {RegExp} */ pattern) => chunks.filter((c) => c.moduleIds.some((id) => pattern.test(id)));
  const isCatalog = (/** @type {Chunk} */ c) => CATALOG_MODULE.test(c.facadeModuleId ?? '');
  const upFront = closure(chunks.filter((c) => c.isEntry));
  const json = new Set([...upFront, ...closure(holding(SAVE_MODULE))]);
  const ics = new Set([...json, ...closure(holding(ICS_MODULE))]);
  /** @type {Record<Scenario, number>} */
  const sizes = { upFront: 0, json: 0, ics: 0, everything: 0 };
  let largestCatalog = 0;
  const parts = [];
  for (const chunk of chunks) {
    /** @type {Scenario} */
    const scenario = upFront.has(chunk.fileName)
      ? 'upFront'
      : json.has(chunk.fileName)
        ? 'json'
        : ics.has(chunk.fileName)
          ? 'ics'
          : 'everything';
    if (scenario === 'upFront') sizes.upFront += chunk.gzip;
    if (json.has(chunk.fileName)) sizes.json += chunk.gzip;
    if (ics.has(chunk.fileName)) sizes.ics += chunk.gzip;
    if (isCatalog(chunk)) {
      largestCatalog = Math.max(largestCatalog, chunk.gzip);
      continue;
    }
    sizes.everything += chunk.gzip;
    if (scenario !== 'upFront') {
      const modules = chunk.moduleIds.map((id) => id.replace(/^.*[\\/](?:src|node_modules)[\\/]/, ''));
      parts.push({ fileName: chunk.fileName, gzip: chunk.gzip, scenario, modules });
    }
  }
  sizes.everything += largestCatalog;
  if (largestCatalog > 0)
    parts.push({ fileName: 'the largest language catalog', gzip: largestCatalog, scenario: 'everything', modules: [] });
  return { sizes, parts };
}

/**
 * @typedef {object} Budget
 * @property {string} entry The CDN file (`event-list`, `otel-widgets`…).
 * @property {Scenario} scenario
 * @property {number | undefined} target The budget, in bytes.
 * @property {number} limit What the build may not exceed (bytes): the budget itself, or where the
 *   budget cannot be met with today's features, today's size (so the size can only go down).
 * @property {string} [why] Where the gap between limit and target is explained.
 */

const kb = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`;

/**
 * Each budget against what was measured: a line per budget, and whether the build fails (a limit
 * exceeded; with `strict`, a target too).
 * @param {readonly Budget[]} budgets
 * @param {Readonly<Record<string, Record<Scenario, number>>>} measured sizes by entry
 * @param {{ strict?: boolean }} [options]
 * @returns {{ failed: boolean, lines: string[] }}
 */
export function checkBudgets(budgets, measured, options = {}) {
  const lines = [];
  let failed = false;
  for (const budget of budgets) {
    const size = measured[budget.entry]?.[budget.scenario];
    const what = `${budget.entry} (${budget.scenario})`;
    if (size === undefined) {
      failed = true;
      lines.push(`FAIL  ${what}: not measured (no such entry)`);
      continue;
    }
    const overLimit = size > budget.limit;
    const overTarget = budget.target !== undefined && size > budget.target;
    failed ||= overLimit || (options.strict === true && overTarget);
    if (overLimit) {
      lines.push(`FAIL  ${what}: ${kb(size)}, over its limit of ${kb(budget.limit)} by ${kb(size - budget.limit)}`);
    } else if (overTarget) {
      lines.push(
        `${options.strict ? 'FAIL' : 'over'}  ${what}: ${kb(size)}, within its limit of ${kb(budget.limit)} but over its budget of ${kb(budget.target ?? 0)}` +
          (budget.why ? ` (${budget.why})` : ''),
      );
    } else if (budget.target !== undefined && budget.limit > budget.target) {
      lines.push(
        `ok    ${what}: ${kb(size)}, within its budget of ${kb(budget.target)}: lower its limit to the budget`,
      );
    } else {
      lines.push(`ok    ${what}: ${kb(size)} ≤ ${kb(budget.limit)}`);
    }
  }
  return { failed, lines };
}

/**
 * A plain-text table: a header row, a rule, then the rows (cells padded to the widest).
 * @param {readonly string[]} headers
 * @param {readonly (readonly string[])[]} rows
 */
export function formatTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {readonly string[]} */ cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export { kb };
