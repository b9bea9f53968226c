// Where a sample of main-thread time belongs, for the profiling diagnostics (profile-page.js,
// trace-page.js): the source module of a line of an unminified bundle, and the kind of work a
// module does.

/**
 * Line → module path, from esbuild's `// src/...` markers in an unminified bundle.
 * @param {string} text
 * @returns {(line: number) => string}
 */
export function moduleIndex(text) {
  /** @type {Array<[number, string]>} */
  const starts = [];
  text.split('\n').forEach((line, i) => {
    const marker = /^\/\/ ((?:src|node_modules|scripts)\/\S+)$/.exec(line);
    if (marker?.[1]) starts.push([i, marker[1].replace(/^node_modules\/(@[^/]+\/[^/]+|[^/]+).*$/, '$1 (dependency)')]);
  });
  return (line) => {
    let found = '(bundle glue)';
    for (const [start, path] of starts) {
      if (start > line) break;
      found = path;
    }
    return found;
  };
}

/**
 * The part of the work a module (or a native frame) belongs to.
 * @param {string} module
 * @returns {string}
 */
export function categoryOf(module) {
  if (module === '(garbage collector)') return 'garbage collection';
  if (/^src\/calendar\/(ics\/|jcal|parse|zones\/vtimezone|rrule\/parse-rrule)|^ical\.js/.test(module)) return 'parse';
  if (/^src\/calendar\/zones\/intl-zone/.test(module)) return 'zone name / offset lookups through Intl';
  if (/^src\/calendar\/(expand|rrule\/|time|join-url|json|zones\/)/.test(module))
    return 'expand (occurrences, times, join links)';
  if (/^src\/(elements|calendar\/(html|export-links))|^lit|^@lit/.test(module))
    return 'render: element code and lit-html';
  if (/^scripts\/bench\/pages\//.test(module)) return 'page script (floor or FullCalendar glue)';
  if (/^RegExp:/.test(module)) return 'regular expressions (any caller)';
  if (!module.includes('/') && !module.includes('.')) return 'native: DOM, style, layout, paint, compile ("(program)")';
  return 'other';
}
