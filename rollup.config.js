// Rollup bundles the demo page's script. The library itself is compiled by `tsc -p tsconfig.build.json`.
import { existsSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuildTs from './scripts/rollup-esbuild-ts.js';

const DEMO_ENTRY = 'demo/main.ts';
const DEMO_OUTPUT = 'demo/build/main.js';

/** @type {import('rollup').RollupOptions} */
const demo = {
  input: DEMO_ENTRY,
  output: {
    file: DEMO_OUTPUT,
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    esbuildTs({ target: 'es2022' }),
    nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
    terser(),
  ],
};

// Rollup 4 rejects an empty config list, so while the demo entry does not exist yet `rollup -c`
// builds an empty virtual module and writes nothing (no output file: the empty result would go to
// stdout, and is dropped before that). The build still succeeds.
const NO_DEMO = `(no ${DEMO_ENTRY} yet)`;

/** @type {import('rollup').RollupOptions} */
const nothing = {
  input: NO_DEMO,
  output: { format: 'es' },
  onLog(level, log, handler) {
    if (log.code !== 'EMPTY_BUNDLE') handler(level, log);
  },
  plugins: [
    {
      name: 'no-demo',
      resolveId: (id) => (id === NO_DEMO ? id : null),
      load: (id) => (id === NO_DEMO ? 'export {};' : null),
      buildStart() {
        this.info(`${DEMO_ENTRY} not found; skipping the demo bundle`);
      },
      generateBundle(_options, bundle) {
        for (const fileName of Object.keys(bundle)) delete bundle[fileName];
      },
    },
  ],
};

export default existsSync(DEMO_ENTRY) ? [demo] : [nothing];
