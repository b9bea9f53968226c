// A tiny Rollup plugin: transpiles TypeScript with esbuild's `transform` (no type checking; `tsc`
// does that) and resolves NodeNext-style relative imports written as `./x.js` to `./x.ts` when
// only the TypeScript source exists.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { transform } from 'esbuild';
import { minifyCssLiterals } from './minify-css-literals.js';

const TS_FILE = /\.(?:ts|mts|cts)$/;
const JS_EXTENSIONS = [
  ['.js', '.ts'],
  ['.mjs', '.mts'],
  ['.cjs', '.cts'],
];

/**
 * @param {{ target?: string, minifyCss?: boolean }} [options] esbuild target for the emitted JavaScript
 *   (default es2022); `minifyCss` (default true) minifies the CSS in Lit `css` templates.
 * @returns {import('rollup').Plugin}
 */
export default function esbuildTs(options = {}) {
  const target = options.target ?? 'es2022';
  const minifyCss = options.minifyCss ?? true;
  return {
    name: 'esbuild-ts',

    resolveId(source, importer) {
      if (!importer || !(source.startsWith('./') || source.startsWith('../'))) return null;
      const path = resolve(dirname(importer), source);
      for (const [js, ts] of JS_EXTENSIONS) {
        if (!path.endsWith(js) || existsSync(path)) continue;
        const tsPath = path.slice(0, -js.length) + ts;
        if (existsSync(tsPath)) return tsPath;
      }
      return null;
    },

    async transform(code, id) {
      if (!TS_FILE.test(id) || id.endsWith('.d.ts')) return null;
      const result = await transform(minifyCss && code.includes('css`') ? minifyCssLiterals(code) : code, {
        loader: 'ts',
        format: 'esm',
        target,
        sourcemap: true,
        sourcefile: id,
      });
      for (const warning of result.warnings) this.warn(warning.text);
      return { code: result.code, map: result.map };
    },
  };
}
