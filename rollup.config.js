// Rollup bundles (the library's npm modules are compiled by `tsc -p tsconfig.build.json`):
//
// - The demo site's scripts (demo/build/): the demo page, the playground and the docs pages'
//   live examples, sharing chunks.
// - The CDN files (dist/cdn/): `otel-widgets.js` registers all three elements; `event-list.js`,
//   `discussion-card.js` and `chatham-notice.js` one element each (the card also registers
//   `<chatham-notice>`, which it uses). Each is built on its own, so each works alone: a page needs
//   one `<script type="module" src>` and nothing else. Minified ES modules with source maps.
//
// The ICS parser, the .ics exporter and the message catalogs are imported dynamically by the
// elements, so they stay separate chunks in `chunks/`, loaded only when a page needs them (a page
// with a JSON snapshot source, or only `<chatham-notice>`, never downloads the parser). Chunks are
// named after what they hold (`chunks/ics-parser-[hash].js`) so a network panel reads well.
import { readFileSync } from 'node:fs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { ELEMENTS, defineModule } from './scripts/elements.js';
import esbuildTs from './scripts/rollup-esbuild-ts.js';
import minifyHtmlLiterals from './scripts/minify-html-literals.js';

/** Virtual entry of the all-in-one CDN file: the three define modules. */
const ALL_ELEMENTS = '\0otel-widgets';
const DEFINE_MODULES = ELEMENTS.map((element) => `./${defineModule(element)}`);

/** @type {import('rollup').Plugin} */
const allElements = {
  name: 'all-elements',
  resolveId: (id) => (id === ALL_ELEMENTS ? ALL_ELEMENTS : null),
  load: (id) =>
    id === ALL_ELEMENTS
      ? DEFINE_MODULES.map((path) => `import ${JSON.stringify(new URL(path, import.meta.url).pathname)};`).join('\n')
      : null,
};

/**
 * Readable names for the lazily loaded chunks.
 * @param {import('rollup').PreRenderedChunk} chunk
 */
export function chunkFileName(chunk) {
  const id = (chunk.facadeModuleId ?? '').replace(/\\/g, '/');
  const holds = (/** @type {RegExp} */ pattern) => chunk.moduleIds.some((m) => pattern.test(m.replace(/\\/g, '/')));
  // The ICS reader: the parser and the recurrence expander, loaded with the first ICS source.
  if (holds(/\/(?:calendar\/parse|elements\/data\/sources\/ics-reader)\.ts$/)) return 'chunks/ics-parser-[hash].js';
  // ical.js (MPL-2.0, its notice kept at the top), shared by the ICS reader and the .ics exporter.
  if (holds(/\/node_modules\/ical\.js\//)) return 'chunks/ical-[hash].js';
  if (/\/calendar\/export\.ts$/.test(id)) return 'chunks/ics-export-[hash].js';
  const catalog = /\/messages\/([\w-]+)\.ts$/.exec(id);
  if (catalog) return `chunks/messages-${catalog[1]}-[hash].js`;
  return 'chunks/[name]-[hash].js';
}

/**
 * The dynamic `import()` of the ICS reader also starts, at the same moment, the chunks it imports
 * statically (ical.js, and what it shares with other chunks), which the browser would otherwise
 * find only once it has the reader: one round trip fewer before an ICS feed is shown. They are
 * the same module records the reader's own imports then use. (Other lazy chunks are loaded after
 * the first paint, where a round trip matters less than the bytes this adds to the entry.)
 * @type {import('rollup').Plugin}
 */
export const loadImportsTogether = {
  name: 'load-imports-together',
  renderDynamicImport({ chunk, targetModuleId, getTargetChunkImports }) {
    if (!/[\\/]sources[\\/]ics-reader\.ts$/.test(targetModuleId ?? '')) return null;
    // An entry is loaded already (it is the page's script), and so is the importing chunk.
    const more = (getTargetChunkImports() ?? []).filter(
      (i) => i.type === 'internal' && !i.chunk.isEntry && i.fileName !== chunk.fileName,
    );
    if (more.length === 0) return null;
    // `resolvedImportPath` is a string literal already (quotes included).
    const starts = more.map((i) => `import(${i.resolvedImportPath}).catch(() => {})`);
    return { left: `(${starts.join(', ')}, import(`, right: '))' };
  },
};

const ICAL_VERSION = JSON.parse(
  readFileSync(new URL('node_modules/ical.js/package.json', import.meta.url), 'utf8'),
).version;

/**
 * ical.js is MPL-2.0: the chunk that carries it starts with its notice (a `/*!` comment, which the
 * minifier keeps) saying where its source is.
 * @param {import('rollup').RenderedChunk} chunk
 */
export function licenceBanner(chunk) {
  if (!chunk.moduleIds.some((m) => /[\\/]node_modules[\\/]ical\.js[\\/]/.test(m))) return '';
  return (
    `/*! Contains ical.js ${ICAL_VERSION} (https://github.com/kewisch/ical.js), Portions Copyright (C) Philipp` +
    ' Kewisch, subject to the terms of the Mozilla Public License, v. 2.0 (http://mozilla.org/MPL/2.0/).' +
    ` Its source: https://www.npmjs.com/package/ical.js/v/${ICAL_VERSION} */`
  );
}

/** Minifier settings of everything shipped (and of what `npm run size` measures: the same builds). */
export const TERSER_OPTIONS = { ecma: 2020, module: true, compress: { passes: 2 } };

const plugins = () => [
  allElements,
  loadImportsTogether,
  esbuildTs({ target: 'es2022' }),
  minifyHtmlLiterals(),
  nodeResolve({ browser: true, extensions: ['.mjs', '.js', '.ts', '.json'] }),
  terser(TERSER_OPTIONS),
];

/** @type {import('rollup').RollupOptions} */
const demo = {
  input: {
    main: 'demo/main.ts',
    playground: 'demo/playground.ts',
    elements: 'demo/elements.ts',
  },
  output: {
    dir: 'demo/build',
    entryFileNames: '[name].js',
    chunkFileNames: chunkFileName,
    banner: licenceBanner,
    format: 'es',
    sourcemap: true,
  },
  plugins: plugins(),
};

/** CDN file name → entry module. */
const CDN_ENTRIES = {
  'otel-widgets': ALL_ELEMENTS,
  ...Object.fromEntries(ELEMENTS.map((element) => [element.folder, defineModule(element)])),
};

/**
 * The CDN builds, one per file of `dist/cdn/`; `scripts/size.js` measures exactly these.
 * @type {import('rollup').RollupOptions[]}
 */
export const cdn = Object.entries(CDN_ENTRIES).map(([name, input]) => ({
  input: { [name]: input },
  // The lazy chunks may import shared code from the entry file itself instead of from a third
  // chunk; the entry then exports a few more names. Without this Rollup would make the entry a
  // two-line facade that imports the real code from `chunks/define-….js` (one more request).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/cdn',
    entryFileNames: '[name].js',
    chunkFileNames: chunkFileName,
    banner: licenceBanner,
    format: 'es',
    sourcemap: true,
  },
  plugins: plugins(),
}));

export default [demo, ...cdn];
