// Rollup bundles the demo page's script. The library itself is compiled by `tsc -p tsconfig.build.json`.
// ical.js and the message catalogs are imported dynamically by the elements (only ICS sources
// need ical.js; only the languages shown are loaded), so the output is a folder: main.js plus chunks.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuildTs from './scripts/rollup-esbuild-ts.js';

/** @type {import('rollup').RollupOptions} */
const demo = {
  input: 'demo/main.ts',
  output: {
    dir: 'demo/build',
    entryFileNames: 'main.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    esbuildTs({ target: 'es2022' }),
    nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    terser(),
  ],
};

export default [demo];
