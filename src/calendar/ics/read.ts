/**
 * One component's text (from `split.ts`) to jCal, by ical.js. When ical.js refuses the text (one
 * unreadable line, an RRULE part it rejects, a subcomponent without END), `recover.ts` reads it
 * again line by line; that module is loaded only when a feed needs it.
 */
import ICAL from 'ical.js';
import { isJCalComponent, type JCalComponent, type JCalProperty } from '../jcal.js';

/** ical.js's reading of one component's text (BEGIN to END), or undefined when it refuses it. */
export function parseComponent(text: string): JCalComponent | undefined {
  try {
    const parsed: unknown = ICAL.parse(text);
    return isJCalComponent(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** ical.js's reading of one content line, or undefined when it refuses it. */
export function parseProperty(line: string): JCalProperty | undefined {
  try {
    const prop: unknown = ICAL.parse.property(line);
    return Array.isArray(prop) && typeof prop[0] === 'string' ? (prop as JCalProperty) : undefined;
  } catch {
    return undefined;
  }
}

/** TEXT escapes (`\n \, \; \\`) of a value ical.js leaves as written (X- properties), decoded as ical.js decodes TEXT. */
export function unescapeText(raw: string): string {
  const value = parseProperty(`X;VALUE=TEXT:${raw}`)?.[3];
  return typeof value === 'string' ? value : raw;
}
