/**
 * Typed access to jCal (RFC 7265), the form ical.js parses iCalendar text into: a component is
 * `[name, properties, subcomponents]`, a property `[name, parameters, type, ...values]`, names
 * lower-case. ical.js decodes each value by its type: TEXT unescaped, lists split into several
 * values, DATE `YYYY-MM-DD` and DATE-TIME `YYYY-MM-DDTHH:MM:SS[Z]`, PERIOD `[start, end or
 * duration]`, RECUR an object of parts, INTEGER a number; unknown and X- properties stay as written.
 */

/** Parameters by lower-case name: text, or a list for the list parameters (MEMBER, DELEGATED-TO…). */
export type JCalParams = Record<string, unknown>;

/** `[name, parameters, type, ...values]`. */
export type JCalProperty = [name: string, params: JCalParams, type: string, ...values: unknown[]];

/** `[name, properties, subcomponents]`. */
export type JCalComponent = [name: string, properties: JCalProperty[], components: JCalComponent[]];

/**
 * `2023-12-24T::`: how ical.js's strict mode (its default, which we leave alone for other users of
 * the module) holds a bare date where a DATE-TIME is expected (`DTSTART:20231224`). `$1` is the date.
 */
export const BARE_DATE = /^(\d{4}-\d{2}-\d{2})T::$/;

/** Whether a value has the shape of a jCal component (what ical.js returns for one component). */
export function isJCalComponent(value: unknown): value is JCalComponent {
  return Array.isArray(value) && typeof value[0] === 'string' && Array.isArray(value[1]) && Array.isArray(value[2]);
}

/** Every property of that (lower-case) name. */
export function properties(component: JCalComponent, name: string): JCalProperty[] {
  return component[1].filter((p) => p[0] === name);
}

/** The first property of that (lower-case) name. */
export function property(component: JCalComponent, name: string): JCalProperty | undefined {
  return component[1].find((p) => p[0] === name);
}

/** The values of a property (several for EXDATE, RDATE, CATEGORIES written as lists). */
export function values(prop: JCalProperty): unknown[] {
  return prop.slice(3);
}

/** The first value of a property as text (numbers written out, structured values joined with `;`), or undefined. */
export function text(component: JCalComponent, name: string): string | undefined {
  const value = property(component, name)?.[3];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(String).join(';');
  return undefined;
}

/** A parameter as a string (the first of a list parameter). */
export function param(prop: JCalProperty, name: string): string | undefined {
  const value = prop[1][name];
  if (typeof value === 'string') return value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}
