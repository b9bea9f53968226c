// FullCalendar's icalendar plugin does `import * as ICAL from 'ical.js'` (ical.js 1.x had named
// exports); ical.js 2 only has a default export. The benchmark bundles the plugin against this
// shim, which re-exports what the plugin uses.
import ICAL from 'ical.js';

export const parse = ICAL.parse;
export const Component = ICAL.Component;
export const Event = ICAL.Event;
