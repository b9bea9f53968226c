/**
 * scripts/elements.js lists the elements once; what is not derived from it (package.json exports,
 * the React JSX types, the define modules) must agree with it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a plain JavaScript build script, without type declarations.
import { ELEMENTS } from '../../scripts/elements.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const elements = ELEMENTS as readonly { tag: string; folder: string }[];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
const jsx = readFileSync(join(ROOT, 'src/jsx/react.ts'), 'utf8');

for (const { tag, folder } of elements) {
  test(`<${tag}>: its folder, define module, package exports and JSX types`, () => {
    const define = join(ROOT, 'src/elements', folder, 'define.ts');
    assert.ok(existsSync(join(ROOT, 'src/elements', folder, `${folder}.ts`)), `${folder}/${folder}.ts`);
    assert.ok(existsSync(define), `${folder}/define.ts`);
    assert.match(readFileSync(define, 'utf8'), new RegExp(`defineElement\\('${tag}'`), 'define.ts registers the tag');
    assert.ok(pkg.exports[`./${folder}`], `package.json exports ./${folder}`);
    assert.ok(pkg.exports[`./${folder}/class`], `package.json exports ./${folder}/class`);
    assert.ok(jsx.includes(`'${tag}':`), `src/jsx/react.ts types <${tag}>`);
  });
}
