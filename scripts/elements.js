// The project's custom elements, listed once. The builds (rollup.config.js), the manifest
// (`npm run analyze`, scripts/check-manifest.js) and the size report (scripts/size.js) are derived
// from this list: a new element is one folder under src/elements/ and one line here.

/**
 * @typedef {object} ElementEntry
 * @property {string} tag The custom element's name.
 * @property {string} folder Its folder under src/elements/ (`x.ts`, `x.styles.ts`, `define.ts`), also
 *   the name of its CDN file (`dist/cdn/<folder>.js`) and of its package export (`./<folder>`).
 * @property {string} summary What its CDN file holds, for the size report.
 */

/** @type {readonly ElementEntry[]} */
export const ELEMENTS = [
  { tag: 'otel-event-list', folder: 'event-list', summary: '<otel-event-list>' },
  { tag: 'otel-discussion-card', folder: 'discussion-card', summary: '<otel-discussion-card> (+ <chatham-notice>)' },
  { tag: 'chatham-notice', folder: 'chatham-notice', summary: '<chatham-notice> alone' },
];

/** The module that registers an element's tag. */
export const defineModule = (/** @type {ElementEntry} */ element) => `src/elements/${element.folder}/define.ts`;

/** The analyzer's globs: every element's folder, the calendar elements' base class, and the public event classes. */
export const ANALYZER_GLOBS = [
  `src/elements/{${ELEMENTS.map((e) => e.folder).join(',')}}/*.ts`,
  'src/elements/calendar-element.ts',
  'src/elements/events.ts',
];
