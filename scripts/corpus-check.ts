/**
 * Agreement check between the calendar engine and an independent reference expander (the
 * corpus' `oracle.py`: Debian's python3-recurring-ical-events 2.0.1) over every .ics file of the
 * ICS correctness corpus.
 *
 *   npx tsx scripts/corpus-check.ts [CORPUS_DIR]
 *
 * CORPUS_DIR defaults to /work/shared/corpus; when it does not exist the script says so and
 * exits 0 (a clone of the repository elsewhere has no corpus). For every file × viewer zone ×
 * window the oracle runs with `--floating-tz ZONE` and the engine with `timeZone: ZONE,
 * includeCancelled: true`; both sides are reduced to multisets of `uid|start|end|allDay|status`
 * over occurrences that *start* in [START, END) (all-day ones by their date's midnight in ZONE,
 * as the oracle does). Oracle outputs are cached under scratch/oracle-cache/; the full results
 * go to scratch/corpus-report.json. See /work/shared/corpus/ORACLE.md for where the oracle
 * itself is known to be wrong: a disagreement is something to triage, not a verdict.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  expandCalendar,
  intlZone,
  parseCalendar,
  toOccurrenceJson,
  type CalendarWarning,
} from '../src/calendar/index.js';

const DEFAULT_CORPUS = '/work/shared/corpus';
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'] as const;
const WINDOWS = [
  { start: '2020-01-01', end: '2030-01-01' },
  { start: '1990-01-01', end: '2037-01-01' },
] as const;
const CONCURRENCY = 2;
/** Our engine is queried with this margin on each side, then filtered by start like the oracle. */
const MARGIN_MS = 2 * 86_400_000;
const EXAMPLES = 5;
const ORACLE_TIMEOUT_MS = 300_000;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratchDir = path.join(repoRoot, 'scratch');
const cacheDir = path.join(scratchDir, 'oracle-cache');

type Status = 'agree' | 'differ' | 'oracle-error' | 'ours-error' | 'both-error';

interface Window {
  readonly start: string;
  readonly end: string;
}

interface Job {
  /** Path relative to the corpus directory (POSIX separators). */
  readonly file: string;
  readonly absolute: string;
  readonly zone: string;
  readonly window: Window;
}

/** One oracle run as stored in the cache. */
interface OracleRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface Side {
  readonly keys: string[] | undefined;
  readonly error: string | undefined;
}

interface CaseResult {
  readonly file: string;
  readonly zone: string;
  readonly window: string;
  readonly status: Status;
  readonly oursCount: number | null;
  readonly oracleCount: number | null;
  readonly oursError: string | null;
  readonly oracleError: string | null;
  readonly onlyInOurs: string[];
  readonly onlyInOracle: string[];
  readonly oursWarnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Output (this is a CLI: plain stdout writes, no console chatter rules to bend)

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Corpus

/**
 * A fingerprint of the engine sources (every .ts file under src/calendar), so a report can be
 * tied to the engine version it measured (the engine may change between runs; the oracle cache
 * does not).
 */
function engineFingerprint(): string {
  const root = path.join(repoRoot, 'src', 'calendar');
  if (!existsSync(root)) return 'unknown';
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(root);
  const hash = createHash('sha1');
  for (const file of files.sort())
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 12);
}

function findIcsFiles(dir: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (current: string): void => {
    // Symbolic links are followed; real paths guard against loops.
    const real = realpathSync(current);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const stats = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : entry;
      if (!stats) continue;
      if (stats.isDirectory()) walk(full);
      else if (stats.isFile() && entry.name.toLowerCase().endsWith('.ics')) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

// ---------------------------------------------------------------------------------------------
// Oracle

function sha1(text: string | Buffer): string {
  return createHash('sha1').update(text).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readCachedRun(file: string): OracleRun | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!isRecord(parsed)) return undefined;
    const { exitCode, stdout, stderr } = parsed;
    if (typeof exitCode !== 'number' || typeof stdout !== 'string' || typeof stderr !== 'string') return undefined;
    return { exitCode, stdout, stderr };
  } catch {
    return undefined;
  }
}

function runProcess(command: string, args: readonly string[]): Promise<OracleRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { maxBuffer: 512 * 1024 * 1024, timeout: ORACLE_TIMEOUT_MS, encoding: 'utf8' },
      (error, stdout, stderr) => {
        let exitCode = 0;
        if (error) {
          // `code` is the exit status when the process ran, a string (e.g. ENOENT) when it did not.
          const code: unknown = error.code;
          exitCode = typeof code === 'number' ? code : -1;
          if (exitCode === -1 && !stderr) stderr = error.message;
        }
        resolve({ exitCode, stdout, stderr });
      },
    );
  });
}

function cacheKey(job: Job, fileHash: string, oracleHash: string): string {
  const name = `${job.file}__${job.window.start}_${job.window.end}__${job.zone}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  // The readable part names file+window+zone; the hash invalidates the entry when the ICS file
  // or oracle.py change.
  return `${name}__${sha1(`${fileHash}|${oracleHash}|${job.file}|${job.window.start}|${job.window.end}|${job.zone}`).slice(0, 12)}.json`;
}

async function runOracle(
  job: Job,
  oraclePath: string,
  fileHash: string,
  oracleHash: string,
): Promise<{ run: OracleRun; cached: boolean }> {
  const cacheFile = path.join(cacheDir, cacheKey(job, fileHash, oracleHash));
  const cached = readCachedRun(cacheFile);
  if (cached) return { run: cached, cached: true };
  const run = await runProcess('python3', [
    oraclePath,
    job.absolute,
    job.window.start,
    job.window.end,
    '--floating-tz',
    job.zone,
  ]);
  // A run that did not finish (killed, timeout, python missing) is not cached.
  if (run.exitCode === 0 || run.exitCode === 2 || run.exitCode === 3) {
    writeFileSync(cacheFile, JSON.stringify(run));
  }
  return { run, cached: false };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function normaliseStatus(value: string | null): string {
  return value === null ? '' : value.trim().toUpperCase();
}

/**
 * A VEVENT without UID: the oracle prints `null`, the engine names it `otel-generated-N`.
 * Both become this marker so a missing UID is not counted as a disagreement.
 */
const NO_UID = '(no-uid)';

function makeKey(uid: string, start: string, end: string, allDay: boolean, status: string): string {
  return `${uid}|${start}|${end}|${allDay}|${status}`;
}

/** Keys of the oracle's occurrences, or the reason there are none. */
function oracleSide(run: OracleRun): Side {
  const lines = run.stdout.split('\n').filter((l) => l.trim().length > 0);
  if (run.exitCode !== 0) {
    let message = `exit ${run.exitCode}`;
    const last = lines[lines.length - 1];
    if (last !== undefined) {
      try {
        const parsed: unknown = JSON.parse(last);
        if (isRecord(parsed) && typeof parsed['error'] === 'string') {
          message += ` (${String(parsed['type'] ?? '?')}): ${parsed['error']}`;
        }
      } catch {
        message += `: ${last.slice(0, 200)}`;
      }
    } else if (run.stderr.trim()) {
      message += `: ${run.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    }
    return { keys: undefined, error: message };
  }
  const keys: string[] = [];
  for (const [index, line] of lines.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return { keys: undefined, error: `line ${index + 1} is not JSON: ${line.slice(0, 200)}` };
    }
    if (!isRecord(parsed)) return { keys: undefined, error: `line ${index + 1} is not an object` };
    if (typeof parsed['error'] === 'string') return { keys: undefined, error: parsed['error'] };
    const uid = stringOrNull(parsed['uid']) ?? NO_UID;
    const start = stringOrNull(parsed['start']);
    const end = stringOrNull(parsed['end']);
    const allDay = parsed['allDay'];
    if (start === null || end === null || typeof allDay !== 'boolean') {
      return { keys: undefined, error: `line ${index + 1} lacks start/end/allDay: ${line.slice(0, 200)}` };
    }
    // With --floating-tz, floating values are already printed as UTC instants (…Z), like ours.
    keys.push(makeKey(uid, start, end, allDay, normaliseStatus(stringOrNull(parsed['status']))));
  }
  return { keys, error: undefined };
}

// ---------------------------------------------------------------------------------------------
// Our engine

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

function parseDay(date: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function ourSide(text: string, zone: string, window: Window): { side: Side; warnings: string[] } {
  const from = Date.parse(`${window.start}T00:00:00Z`);
  const to = Date.parse(`${window.end}T00:00:00Z`);
  const viewer = intlZone(zone);
  if (!viewer) return { side: { keys: undefined, error: `unknown zone ${zone}` }, warnings: [] };
  const warnings: string[] = [];
  const describe = (w: CalendarWarning): string => `${w.code}: ${w.message}`;
  try {
    const calendar = parseCalendar(text);
    warnings.push(...calendar.warnings.map(describe));
    const expansion = expandCalendar(calendar, {
      from: from - MARGIN_MS,
      to: to + MARGIN_MS,
      timeZone: zone,
      includeCancelled: true,
    });
    warnings.push(...expansion.warnings.map(describe));
    const keys: string[] = [];
    for (const occurrence of expansion.occurrences) {
      const json = toOccurrenceJson(occurrence);
      let startInstant: number;
      if (json.allDay) {
        // The oracle places an all-day start at 00:00 of its date in --floating-tz.
        const d = parseDay(json.start);
        if (!d) throw new Error(`all-day occurrence with start ${json.start}`);
        startInstant = viewer.toInstant(Date.UTC(d.year, d.month - 1, d.day));
      } else {
        startInstant = Date.parse(json.start);
      }
      if (!(startInstant >= from && startInstant < to)) continue;
      const uid = /^otel-generated-\d+$/.test(json.uid) ? NO_UID : json.uid;
      keys.push(makeKey(uid, json.start, json.end, json.allDay, normaliseStatus(json.status)));
    }
    return { side: { keys, error: undefined }, warnings };
  } catch (error) {
    return { side: { keys: undefined, error: errorText(error) }, warnings };
  }
}

// ---------------------------------------------------------------------------------------------
// Comparison

function countKeys(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/** Multiset difference a − b, as a sorted list (a key repeated as often as it is in excess). */
function difference(a: Map<string, number>, b: Map<string, number>): string[] {
  const result: string[] = [];
  for (const [key, n] of a) {
    const excess = n - (b.get(key) ?? 0);
    for (let i = 0; i < excess; i++) result.push(key);
  }
  return result.sort();
}

function compare(job: Job, ours: Side, oracle: Side, oursWarnings: string[]): CaseResult {
  const base = {
    file: job.file,
    zone: job.zone,
    window: `${job.window.start}..${job.window.end}`,
    oursCount: ours.keys?.length ?? null,
    oracleCount: oracle.keys?.length ?? null,
    oursError: ours.error ?? null,
    oracleError: oracle.error ?? null,
    oursWarnings,
  };
  if (!ours.keys || !oracle.keys) {
    const status: Status = !ours.keys && !oracle.keys ? 'both-error' : !ours.keys ? 'ours-error' : 'oracle-error';
    return { ...base, status, onlyInOurs: [], onlyInOracle: [] };
  }
  const a = countKeys(ours.keys);
  const b = countKeys(oracle.keys);
  const onlyInOurs = difference(a, b);
  const onlyInOracle = difference(b, a);
  const status: Status = onlyInOurs.length === 0 && onlyInOracle.length === 0 ? 'agree' : 'differ';
  return { ...base, status, onlyInOurs, onlyInOracle };
}

// ---------------------------------------------------------------------------------------------
// Concurrency

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      const item = items[index];
      if (item === undefined) return;
      results[index] = await fn(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// Report

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function printTable(results: readonly CaseResult[]): void {
  const headers = ['file', 'zone', 'window', 'ours', 'oracle', 'status'];
  const rows = results.map((r) => [
    r.file,
    r.zone,
    r.window,
    r.oursCount === null ? '-' : String(r.oursCount),
    r.oracleCount === null ? '-' : String(r.oracleCount),
    r.status,
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  out(format(headers));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) out(format(row));
}

function printDetails(results: readonly CaseResult[]): void {
  const interesting = results.filter((r) => r.status !== 'agree');
  if (interesting.length === 0) return;
  out();
  out('Details of cases that do not agree');
  for (const r of interesting) {
    out();
    out(`== ${r.file}  [${r.zone}, ${r.window}]  ${r.status}`);
    if (r.oracleError) out(`   oracle error: ${r.oracleError}`);
    if (r.oursError) out(`   ours error:   ${r.oursError}`);
    if (r.status === 'differ') {
      out(`   only in ours (${r.onlyInOurs.length}):`);
      for (const k of r.onlyInOurs.slice(0, EXAMPLES)) out(`     + ${k}`);
      out(`   only in oracle (${r.onlyInOracle.length}):`);
      for (const k of r.onlyInOracle.slice(0, EXAMPLES)) out(`     - ${k}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const corpusDir = path.resolve(process.argv[2] ?? DEFAULT_CORPUS);
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    out(`corpus-check: no corpus directory at ${corpusDir}; nothing to check.`);
    out('Pass the corpus path as the first argument (npx tsx scripts/corpus-check.ts /path/to/corpus).');
    return 0;
  }
  const oraclePath = path.join(corpusDir, 'oracle.py');
  if (!existsSync(oraclePath)) {
    out(`corpus-check: ${corpusDir} has no oracle.py; nothing to check.`);
    return 0;
  }
  mkdirSync(cacheDir, { recursive: true });
  const fingerprint = engineFingerprint();
  const oracleHash = sha1(readFileSync(oraclePath));

  const files = findIcsFiles(corpusDir);
  const texts = new Map<string, { text: string; hash: string }>();
  const jobs: Job[] = [];
  for (const absolute of files) {
    const buffer = readFileSync(absolute);
    const file = path.relative(corpusDir, absolute).split(path.sep).join('/');
    texts.set(file, { text: buffer.toString('utf8'), hash: sha1(buffer) });
    for (const window of WINDOWS) for (const zone of ZONES) jobs.push({ file, absolute, zone, window });
  }
  out(
    `corpus-check: ${files.length} .ics files × ${ZONES.length} zones × ${WINDOWS.length} windows = ${jobs.length} cases`,
  );

  let fresh = 0;
  let done = 0;
  const results = await mapLimit(jobs, CONCURRENCY, async (job) => {
    const source = texts.get(job.file);
    if (!source) throw new Error(`lost the text of ${job.file}`);
    const { run, cached } = await runOracle(job, oraclePath, source.hash, oracleHash);
    if (!cached) fresh++;
    done++;
    if (!cached && process.stderr.isTTY) process.stderr.write(`\r  oracle ${done}/${jobs.length}`);
    const ours = ourSide(source.text, job.zone, job.window);
    return compare(job, ours.side, oracleSide(run), ours.warnings);
  });
  if (process.stderr.isTTY && fresh > 0) process.stderr.write('\n');

  printTable(results);
  printDetails(results);

  const agree = results.filter((r) => r.status === 'agree').length;
  const byStatus = new Map<Status, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  out();
  out(
    `${[...byStatus].map(([s, n]) => `${s}: ${n}`).join(', ')}  (oracle runs: ${fresh} fresh, ${jobs.length - fresh} cached)`,
  );
  const limited = results.filter((r) => r.oursWarnings.some((w) => w.startsWith('expansion-limit'))).length;
  if (limited > 0)
    out(`note: in ${limited} case(s) our engine hit its expansion safety limit (see oursWarnings in the report)`);
  out(`engine fingerprint: ${fingerprint}`);
  out(`${agree}/${results.length} file×zone×window cases agree`);

  const reportPath = path.join(scratchDir, 'corpus-report.json');
  writeFileSync(
    reportPath,
    `${JSON.stringify(
      {
        generated: new Date().toISOString(),
        corpus: corpusDir,
        engineFingerprint: fingerprint,
        zones: ZONES,
        windows: WINDOWS,
        keyFormat: 'uid|start|end|allDay|status',
        summary: { agree, total: results.length, byStatus: Object.fromEntries(byStatus) },
        results,
      },
      null,
      2,
    )}\n`,
  );
  out(`Full results: ${path.relative(process.cwd(), reportPath) || reportPath}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`corpus-check failed: ${errorText(error)}\n`);
    process.exitCode = 1;
  },
);
