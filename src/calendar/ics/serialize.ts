/**
 * Components back to iCalendar text (RFC 5545): names upper-case, parameter values quoted when
 * they contain `:;,` and RFC 6868-escaped, TEXT values escaped, VALUE=… written when a value's
 * type is not its property's default, lines folded at 75 octets without splitting a UTF-8
 * sequence, CRLF line ends.
 */
import type { IcsComponent, IcsProperty } from './tree.js';
import { defaultType, type IcsValue } from './values.js';
import { CRLF, foldLine } from './fold.js';

export { foldLine } from './fold.js';

/** TEXT escaping (§3.3.11): `\` `;` `,` escaped, line breaks written `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: RFC 6868 escapes; quoted when it contains `:`, `;` or `,`. */
function paramValue(value: string): string {
  const escaped = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return /[:;,]/.test(escaped) ? `"${escaped}"` : escaped;
}

function valueText(prop: IcsProperty, value: IcsValue): string {
  if (typeof value === 'string') return prop.type === 'text' ? escapeText(value) : value;
  if (Array.isArray(value)) {
    const items = value as readonly string[];
    if (prop.type === 'period') return items.join('/');
    return items.map((v) => (prop.type === 'text' ? escapeText(v) : v)).join(';');
  }
  return Object.entries(value)
    .map(([key, v]) => (v === '' ? key.toUpperCase() : `${key.toUpperCase()}=${v}`))
    .join(';');
}

/** One property as an unfolded content line. */
export function propertyLine(prop: IcsProperty): string {
  let line = prop.name.toUpperCase();
  let hasValueParam = false;
  for (const [name, value] of Object.entries(prop.params)) {
    if (name === 'value') hasValueParam = true;
    const values = typeof value === 'string' ? [value] : value;
    line += `;${name.toUpperCase()}=${values.map(paramValue).join(',')}`;
  }
  if (!hasValueParam && prop.type !== defaultType(prop.name) && prop.type !== 'unknown') {
    line += `;VALUE=${prop.type.toUpperCase()}`;
  }
  return `${line}:${prop.values.map((v) => valueText(prop, v)).join(',')}`;
}

/** A component and its subcomponents as unfolded content lines. */
export function componentLines(component: IcsComponent, into: string[] = []): string[] {
  const name = component.name.toUpperCase();
  into.push(`BEGIN:${name}`);
  for (const prop of component.properties) into.push(propertyLine(prop));
  for (const child of component.components) componentLines(child, into);
  into.push(`END:${name}`);
  return into;
}

/** A component as iCalendar text: folded lines, each ended with CRLF. */
export function stringifyComponent(component: IcsComponent): string {
  return componentLines(component)
    .map((l) => foldLine(l) + CRLF)
    .join('');
}
