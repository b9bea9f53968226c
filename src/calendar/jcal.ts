/**
 * Typed access to parsed components (see `ics/tree.ts`). The names keep their jCal-era spelling
 * (`JCalComponent`) for the modules that read VTIMEZONEs; the structure is our lexer's own:
 * lower-case names, parameters by lower-case name, values decoded by type (TEXT unescaped,
 * lists split, RECUR as parts, dates as written).
 */
import type { IcsComponent, IcsProperty } from './ics/tree.js';

export type JCalComponent = IcsComponent;
export type JCalProperty = IcsProperty;

/** Every property of that (lower-case) name. */
export function properties(component: JCalComponent, name: string): JCalProperty[] {
  return component.properties.filter((p) => p.name === name);
}

/** The first property of that (lower-case) name. */
export function property(component: JCalComponent, name: string): JCalProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

/** The first value of a property as text (structured values joined with `;`), or undefined. */
export function text(component: JCalComponent, name: string): string | undefined {
  const value = property(component, name)?.values[0];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(';');
  return Object.entries(value)
    .map(([k, v]) => `${k.toUpperCase()}=${v}`)
    .join(';');
}

/** A parameter as a string (first of a multi-valued parameter). */
export function param(prop: JCalProperty, name: string): string | undefined {
  const value = prop.params[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value.length > 0 ? value[0] : undefined;
}
