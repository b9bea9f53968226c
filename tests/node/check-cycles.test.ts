/** The import-cycle check of `npm test` (scripts/check-cycles.js): it finds cycles, and src/ has none. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
// @ts-expect-error: a plain JavaScript build script, without type declarations.
import { cyclesOf, importGraph } from '../../scripts/check-cycles.js';

const cycles = cyclesOf as (graph: Map<string, string[]>) => string[][];

test('finds a cycle through several modules and one through a module importing itself', () => {
  const graph = new Map([
    ['types', []],
    ['view', ['types']],
    ['adapters', ['view', 'controller']],
    ['controller', ['adapters', 'types']],
    ['self', ['self']],
  ]);
  assert.deepEqual(
    cycles(graph).map((c) => [...c].sort()),
    [['adapters', 'controller'], ['self']],
  );
});

test('a graph that points one way has no cycle', () => {
  const graph = new Map([
    ['types', []],
    ['view', ['types']],
    ['adapters', ['view', 'types']],
    ['controller', ['adapters', 'view', 'types']],
  ]);
  assert.deepEqual(cycles(graph), []);
});

test('src/ has no import cycle (type-only and dynamic imports count)', () => {
  const graph = (importGraph as () => Map<string, string[]>)();
  assert.ok(graph.size > 50, 'the modules under src/ were found');
  assert.ok(
    [...graph.values()].some((targets) => targets.length > 0),
    'their imports were resolved',
  );
  assert.deepEqual(cycles(graph), []);
});
