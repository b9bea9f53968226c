/**
 * The logic of the size gate (`npm run size`, scripts/size-report.js): which chunks each kind of
 * page downloads, and when the build fails. The real run over the CDN builds is part of `npm test`.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

type Scenario = 'upFront' | 'json' | 'ics' | 'everything';
interface Chunk {
  fileName: string;
  isEntry: boolean;
  imports: string[];
  moduleIds: string[];
  facadeModuleId: string | null;
  gzip: number;
}
interface Budget {
  entry: string;
  scenario: Scenario;
  target: number | undefined;
  limit: number;
  why?: string;
}
interface SizeReport {
  measureScenarios(chunks: readonly Chunk[]): {
    sizes: Record<Scenario, number>;
    parts: { fileName: string; scenario: Scenario }[];
  };
  checkBudgets(
    budgets: readonly Budget[],
    measured: Record<string, Record<Scenario, number>>,
    options?: { strict?: boolean },
  ): { failed: boolean; lines: string[] };
}

// scripts/ is plain JavaScript without type declarations: imported by URL, typed here.
const report = (await import(
  pathToFileURL(join(import.meta.dirname, '../../scripts/size-report.js')).href
)) as SizeReport;

const src = (path: string): string => `/repo/src/${path}`;
const chunk = (
  fileName: string,
  gzip: number,
  moduleIds: string[],
  imports: string[] = [],
  isEntry = false,
): Chunk => ({
  fileName,
  isEntry,
  imports,
  moduleIds,
  facadeModuleId: moduleIds[0] ?? null,
  gzip,
});

/** A build like the event list's: an entry, a shared chunk, the save, the ICS reader, on-demand chunks and catalogs. */
const chunks: Chunk[] = [
  chunk('event-list.js', 20_000, [src('elements/event-list/event-list.ts')], ['chunks/shared.js'], true),
  chunk('chunks/shared.js', 1_000, [src('calendar/time.ts')]),
  chunk(
    'chunks/persist-loaded.js',
    800,
    [src('elements/data/idle-steps.ts'), src('elements/data/persist-loaded.ts')],
    ['event-list.js'],
  ),
  chunk(
    'chunks/ics-parser.js',
    9_000,
    [src('calendar/expand.ts'), src('elements/data/sources/ics-reader.ts')],
    ['chunks/ical.js', 'event-list.js'],
  ),
  chunk('chunks/ical.js', 1_100, ['/repo/node_modules/ical.js/dist/ical.js', src('calendar/jcal.ts')]),
  chunk('chunks/ics-export.js', 1_300, [src('calendar/export.ts')], ['chunks/ical.js']),
  chunk('chunks/google.js', 3_000, [src('calendar/google.ts')]),
  chunk('chunks/messages-fr.js', 2_000, [src('elements/i18n/messages/fr.ts')]),
  chunk('chunks/messages-uk.js', 2_700, [src('elements/i18n/messages/uk.ts')]),
];

describe('size report: what each kind of page downloads', () => {
  const { sizes, parts } = report.measureScenarios(chunks);

  it('up front: the entry and its static imports', () => {
    assert.equal(sizes.upFront, 21_000);
  });

  it('a JSON page adds the save of the last good events, an ICS page the reader and what it imports', () => {
    assert.equal(sizes.json, 21_800);
    assert.equal(sizes.ics, 21_800 + 9_000 + 1_100);
  });

  it('everything: every chunk once, and only the largest language catalog', () => {
    assert.equal(sizes.everything, 21_800 + 9_000 + 1_100 + 1_300 + 3_000 + 2_700);
    const scenario = (name: string): Scenario | undefined => parts.find((p) => p.fileName === name)?.scenario;
    assert.equal(scenario('chunks/google.js'), 'everything');
    assert.equal(scenario('chunks/ics-export.js'), 'everything');
    assert.equal(scenario('chunks/ical.js'), 'ics');
    assert.equal(scenario('chunks/persist-loaded.js'), 'json');
    assert.equal(scenario('chunks/messages-fr.js'), undefined, 'catalogs are summed as one, not listed each');
  });

  it('a build without lazy chunks is the same in every column', () => {
    const alone = report.measureScenarios([
      chunk('chatham-notice.js', 9_500, [src('elements/chatham-notice/chatham-notice.ts')], [], true),
    ]);
    assert.deepEqual(alone.sizes, { upFront: 9_500, json: 9_500, ics: 9_500, everything: 9_500 });
  });
});

describe('size report: the gate', () => {
  const measured = { 'event-list': { upFront: 20_000, json: 21_000, ics: 30_000, everything: 40_000 } };
  const budget = (limit: number, target?: number): Budget => ({
    entry: 'event-list',
    scenario: 'json',
    target,
    limit,
    why: 'explained',
  });

  it('fails over a limit, naming the entry, the size and the excess', () => {
    const { failed, lines } = report.checkBudgets([budget(20_480)], measured);
    assert.equal(failed, true);
    assert.match(lines[0] ?? '', /^FAIL {2}event-list \(json\): 20\.5 KB, over its limit of 20\.0 KB by 0\.5 KB$/);
  });

  it('passes within a limit; over the budget it says so, and fails only when strict', () => {
    const loose = report.checkBudgets([budget(22_000, 15_360)], measured);
    assert.equal(loose.failed, false);
    assert.match(loose.lines[0] ?? '', /^over {2}.*over its budget of 15\.0 KB \(explained\)$/);
    assert.equal(report.checkBudgets([budget(22_000, 15_360)], measured, { strict: true }).failed, true);
  });

  it('asks for the limit to come down once the target is met', () => {
    const { failed, lines } = report.checkBudgets([budget(22_000, 21_504)], measured);
    assert.equal(failed, false);
    assert.match(lines[0] ?? '', /within its budget of 21\.0 KB: lower its limit to the budget$/);
  });

  it('an entry that was not measured fails (a renamed CDN file cannot slip through)', () => {
    const { failed } = report.checkBudgets([{ ...budget(99_999), entry: 'event-lists' }], measured);
    assert.equal(failed, true);
  });
});
