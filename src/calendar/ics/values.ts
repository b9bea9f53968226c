/**
 * Property value types and decoding (RFC 5545 §3.3, §3.8): which properties are TEXT (escapes
 * `\n \N \, \; \\` decoded), which hold comma-separated lists (EXDATE, RDATE, CATEGORIES,
 * RESOURCES), PERIODs (`start/end`), RECUR (`FREQ=…;…` into parts) and structured values.
 * Dates and date-times stay as written (`20261124T100000Z`): the engine's `parseDateTime`
 * reads them.
 */

/** A decoded value: text, a PERIOD or structured value (`[start, end]`, parts), or RECUR parts. */
export type IcsValue = string | readonly string[] | Readonly<Record<string, string>>;

interface PropertyDesign {
  readonly type: string;
  /** Separator of a value list (`,`). */
  readonly list?: boolean;
  /** Separator of a structured value (`;`). */
  readonly structured?: boolean;
}

const TEXT: PropertyDesign = { type: 'text' };
const TEXT_LIST: PropertyDesign = { type: 'text', list: true };
const DATE_TIME: PropertyDesign = { type: 'date-time' };
const DATE_TIME_LIST: PropertyDesign = { type: 'date-time', list: true };
const INTEGER: PropertyDesign = { type: 'integer' };
const URI: PropertyDesign = { type: 'uri' };

/** Default value types (RFC 5545 §3.7-3.8, RFC 7986). */
const DESIGN_TABLE: Readonly<Record<string, PropertyDesign>> = {
  action: TEXT,
  attach: URI,
  attendee: { type: 'cal-address' },
  calscale: TEXT,
  categories: TEXT_LIST,
  class: TEXT,
  color: TEXT,
  comment: TEXT,
  completed: DATE_TIME,
  conference: URI,
  contact: TEXT,
  created: DATE_TIME,
  description: TEXT,
  dtend: DATE_TIME,
  dtstamp: DATE_TIME,
  dtstart: DATE_TIME,
  due: DATE_TIME,
  duration: { type: 'duration' },
  exdate: DATE_TIME_LIST,
  exrule: { type: 'recur' },
  freebusy: { type: 'period', list: true },
  geo: { type: 'float', structured: true },
  'last-modified': DATE_TIME,
  location: TEXT,
  method: TEXT,
  name: TEXT,
  organizer: { type: 'cal-address' },
  'percent-complete': INTEGER,
  priority: INTEGER,
  prodid: TEXT,
  rdate: DATE_TIME_LIST,
  'recurrence-id': DATE_TIME,
  'related-to': TEXT,
  repeat: INTEGER,
  'request-status': { type: 'text', structured: true },
  resources: TEXT_LIST,
  rrule: { type: 'recur' },
  sequence: INTEGER,
  status: TEXT,
  summary: TEXT,
  transp: TEXT,
  trigger: { type: 'duration' },
  tzid: TEXT,
  tzname: TEXT,
  tzoffsetfrom: { type: 'utc-offset' },
  tzoffsetto: { type: 'utc-offset' },
  tzurl: URI,
  uid: TEXT,
  url: URI,
  version: TEXT,
  // Calendar-level X- properties every client reads as text (ical.js leaves them escaped).
  'x-wr-calname': TEXT,
  'x-wr-caldesc': TEXT,
  'x-wr-timezone': TEXT,
};

const UNKNOWN: PropertyDesign = { type: 'unknown' };
/** A Map: names are fresh strings on every line, and a Map lookup does not internalize them. */
const DESIGN = new Map(Object.entries(DESIGN_TABLE));

/** The default value type of a property (`unknown` for X- and unknown properties). */
export function defaultType(name: string): string {
  return (DESIGN.get(name) ?? UNKNOWN).type;
}

/** Decodes TEXT escapes: `\n`/`\N` newline, `\,` `\;` `\\`; any other backslash is kept. */
export function unescapeText(text: string): string {
  let slash = text.indexOf('\\');
  if (slash < 0) return text;
  let out = '';
  let from = 0;
  while (slash >= 0 && slash < text.length - 1) {
    const c = text[slash + 1];
    if (c === 'n' || c === 'N') out += `${text.slice(from, slash)}\n`;
    else if (c === '\\' || c === ';' || c === ',') out += text.slice(from, slash) + c;
    else {
      slash = text.indexOf('\\', slash + 1);
      continue;
    }
    from = slash + 2;
    slash = text.indexOf('\\', from);
  }
  return out + text.slice(from);
}

/** Splits at `separator` where it is not escaped by a backslash. */
export function splitUnescaped(text: string, separator: string): string[] {
  if (text.indexOf(separator) < 0) return [text];
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === separator) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/**
 * RECUR text into parts with lower-case keys (`FREQ=WEEKLY;BYDAY=TU` → `{freq: 'WEEKLY', byday: 'TU'}`).
 * A part without `=` is kept as a key with an empty value, so that validation can report it.
 */
export function recurParts(text: string): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const piece of text.split(';')) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf('=');
    const key = (eq < 0 ? trimmed : trimmed.slice(0, eq)).trim().toLowerCase();
    parts[key] = eq < 0 ? '' : trimmed.slice(eq + 1).trim();
  }
  return parts;
}

const BARE_DATE = /^\d{8}$/;

/** The value type of one property: its VALUE parameter, else detected (a bare `YYYYMMDD` is a DATE), else the default. */
export function valueType(name: string, valueParam: string | undefined, value: string): string {
  if (valueParam) return valueParam.toLowerCase();
  const type = defaultType(name);
  if (type !== 'date-time') return type;
  const comma = value.indexOf(',');
  const first = (comma < 0 ? value : value.slice(0, comma)).trim();
  if (name === 'rdate' && first.includes('/')) return 'period';
  return BARE_DATE.test(first) ? 'date' : type;
}

/** Decodes a property's value text into its values (a list for list properties). */
export function decodeValues(name: string, type: string, value: string): IcsValue[] {
  const design = DESIGN.get(name) ?? UNKNOWN;
  switch (type) {
    case 'text': {
      if (design.structured) return [splitUnescaped(value, ';').map(unescapeText)];
      if (design.list) return splitUnescaped(value, ',').map(unescapeText);
      return [unescapeText(value)];
    }
    case 'recur':
      return [recurParts(value)];
    case 'period':
      return value.split(',').map((p) => {
        const slash = p.indexOf('/');
        return slash < 0 ? [p.trim()] : [p.slice(0, slash).trim(), p.slice(slash + 1).trim()];
      });
    case 'date':
    case 'date-time':
      return design.list ? value.split(',').map((v) => v.trim()) : [value.trim()];
    default:
      if (design.structured) return [value.split(';')];
      return [value];
  }
}
