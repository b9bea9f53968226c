/**
 * Differential test of our ICS lexer (src/calendar/ics) against ical.js's parser (the reference
 * we replaced; a devDependency): every fixture under tests/fixtures is read by both, and the
 * component structure, property names, parameters and values must match after normalizing the
 * representations (jCal writes dates as `2026-11-24T10:00:00`, we keep `20261124T100000`).
 * Files ical.js refuses as a whole are compared VEVENT by VEVENT, for the blocks it can read.
 *
 * Known, intended differences (each normalized below, nowhere else):
 * - X-WR-CALNAME / X-WR-CALDESC / X-WR-TIMEZONE: we decode TEXT escapes, ical.js leaves them;
 * - a property name with characters outside `A-Z a-z 0-9 -` is an unreadable line for us
 *   (ical.js accepts it): such files are not among the fixtures.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { readIcs } from '../../src/calendar/ics/read.js';
import type { IcsComponent } from '../../src/calendar/ics/tree.js';
import { unescapeText } from '../../src/calendar/ics/values.js';
import { durationToMs, parseDateTime, parseDuration } from '../../src/calendar/time.js';
import type { CalendarWarning } from '../../src/calendar/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** Properties whose TEXT escapes we decode and ical.js (type "unknown") does not. */
const DECODED_BY_US_ONLY = new Set(['x-wr-calname', 'x-wr-caldesc', 'x-wr-timezone']);

interface Shape {
  readonly name: string;
  readonly properties: readonly string[];
  readonly components: readonly Shape[];
}

function icsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ics'))
    .map((f) => join(dir, f))
    .sort();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A date, date-time, offset or period end in one spelling: `20261124T100000Z`, `+0100`. */
function compactTime(value: string): string {
  return value.replace(/[-:]/g, '').replace(/T$/, '');
}

function normalizeDuration(value: string): string {
  const parsed = parseDuration(value);
  return parsed ? `duration:${durationToMs(parsed)}` : value;
}

/**
 * A date or date-time by meaning: both readers keep garbage (`next tuesday`) as some string, but
 * ical.js mangles it on the way (`next tueTday`), so unreadable values compare as `invalid`.
 */
function normalizeDate(value: string): string {
  const parsed = parseDateTime(compactTime(value));
  if (!parsed) return 'invalid';
  return parsed.isDate ? `date:${parsed.wall}` : `date-time:${parsed.wall}${parsed.utc ? 'Z' : ''}`;
}

function normalizeScalar(type: string, value: string): string {
  if (type === 'date' || type === 'date-time') return normalizeDate(value);
  if (type === 'utc-offset') return compactTime(value);
  if (type === 'duration') return normalizeDuration(value);
  return value;
}

function recurText(parts: Record<string, unknown>): string {
  return Object.keys(parts)
    .sort()
    .map((key) => {
      const raw = parts[key];
      const list = Array.isArray(raw) ? raw : [raw];
      const items = list.map((v) => {
        if (key === 'wkst' && typeof v === 'number') return WEEKDAYS[v - 1] ?? String(v);
        if (key === 'until' && typeof v === 'string') return normalizeDate(v);
        // ical.js reads INTERVAL/COUNT as numbers (an INTERVAL below 1 as 1, as validateRule does).
        if (key === 'interval') return String(Math.max(1, Number(v) || 1));
        if (key === 'count') return String(Number(v));
        return v === undefined ? '' : String(v).toUpperCase();
      });
      return `${key}=${items.join(',')}`;
    })
    .join(';');
}

function valueText(name: string, type: string, value: unknown, fromIcalJs: boolean): string {
  if (type === 'recur' && isRecord(value)) return recurText(value);
  if (Array.isArray(value))
    return value.map((v) => normalizeScalar(type === 'period' ? 'date-time' : type, String(v))).join('/');
  let text = String(value);
  if (fromIcalJs && DECODED_BY_US_ONLY.has(name)) text = unescapeText(text);
  return normalizeScalar(type, text);
}

/** Types as one vocabulary: DATE and DATE-TIME are told apart by the value itself (see normalizeDate). */
function normalizeType(name: string, type: string): string {
  if (DECODED_BY_US_ONLY.has(name)) return 'text';
  return type === 'date' ? 'date-time' : type;
}

function paramText(params: Record<string, unknown>): string {
  return Object.keys(params)
    .filter((k) => k !== 'value')
    .sort()
    .map((k) => {
      const v = params[k];
      return `${k}=${(Array.isArray(v) ? v : [v]).map(String).join(',')}`;
    })
    .join(';');
}

function propertyText(
  name: string,
  params: Record<string, unknown>,
  type: string,
  values: readonly unknown[],
  fromIcalJs: boolean,
): string {
  const t = normalizeType(name, type);
  return `${name};${paramText(params)};${t}:${values.map((v) => valueText(name, t, v, fromIcalJs)).join(',')}`;
}

function shapeOfJCal(raw: unknown): Shape {
  assert.ok(Array.isArray(raw) && typeof raw[0] === 'string' && Array.isArray(raw[1]) && Array.isArray(raw[2]));
  const [name, props, comps] = raw as [string, unknown[], unknown[]];
  return {
    name,
    properties: props.map((p) => {
      assert.ok(Array.isArray(p));
      const [pname, params, type, ...values] = p as [string, Record<string, unknown>, string, ...unknown[]];
      return propertyText(pname, params, type, values, true);
    }),
    components: comps.map(shapeOfJCal),
  };
}

function shapeOfOurs(component: IcsComponent): Shape {
  return {
    name: component.name,
    properties: component.properties.map((p) => propertyText(p.name, p.params, p.type, p.values, false)),
    components: component.components.map(shapeOfOurs),
  };
}

/** ical.js's reading as shapes, or undefined when it refuses the text. */
function icalJsShapes(text: string): Shape[] | undefined {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text) as unknown;
  } catch {
    return undefined;
  }
  const roots = Array.isArray(parsed) && Array.isArray(parsed[0]) ? (parsed as unknown[]) : [parsed];
  return roots.map(shapeOfJCal);
}

function ourShapes(text: string): Shape[] {
  const warnings: CalendarWarning[] = [];
  return readIcs(text, warnings).map(shapeOfOurs);
}

/** VEVENT blocks of a text (BEGIN:VEVENT … END:VEVENT at the start of lines). */
function veventBlocks(text: string): string[] {
  return [...text.matchAll(/^BEGIN:VEVENT\r?$[\s\S]*?^END:VEVENT\r?$/gim)].map((m) => m[0]);
}

const wrap = (body: string): string => `BEGIN:VCALENDAR\r\n${body.replace(/\r?\n/g, '\r\n')}\r\nEND:VCALENDAR\r\n`;

describe('differential: our lexer vs ical.js on every fixture', () => {
  const files = icsFiles(FIXTURES);

  test('there are fixtures to compare', () => {
    assert.ok(files.length >= 10, `found ${files.length} .ics fixtures`);
  });

  for (const file of files) {
    test(relative(FIXTURES, file), () => {
      const text = readFileSync(file, 'utf8');
      const reference = icalJsShapes(text);
      if (reference) {
        assert.deepEqual(ourShapes(text), reference);
        return;
      }
      // ical.js refuses the file: compare each VEVENT it can read on its own.
      let compared = 0;
      for (const block of veventBlocks(text)) {
        const ref = icalJsShapes(wrap(block));
        if (!ref) continue;
        assert.deepEqual(ourShapes(wrap(block)), ref, block.slice(0, 200));
        compared++;
      }
      assert.ok(
        compared > 0 || veventBlocks(text).length === 0 || text.length < 64,
        'some VEVENT of the file was compared',
      );
    });
  }
});
