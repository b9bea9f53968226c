/**
 * Typed, defensive access to jCal (RFC 7265), the structure ical.js's parser produces.
 * ical.js types it as `any`; everything here narrows from `unknown`.
 */

export interface JCalProperty {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly type: string;
  readonly values: readonly unknown[];
}

export interface JCalComponent {
  readonly name: string;
  readonly properties: readonly JCalProperty[];
  readonly components: readonly JCalComponent[];
  /** The jCal array this was read from. */
  readonly raw: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toProperty(raw: unknown): JCalProperty | undefined {
  if (!Array.isArray(raw) || raw.length < 3) return undefined;
  const [name, params, type, ...values] = raw as unknown[];
  if (typeof name !== 'string' || typeof type !== 'string') return undefined;
  return { name, params: isRecord(params) ? params : {}, type, values };
}

/** Narrows one jCal component (`[name, properties, components]`); undefined when it is not one. */
export function toComponent(raw: unknown): JCalComponent | undefined {
  if (!Array.isArray(raw) || raw.length < 3) return undefined;
  const [name, props, comps] = raw as unknown[];
  if (typeof name !== 'string' || !Array.isArray(props) || !Array.isArray(comps)) return undefined;
  const properties: JCalProperty[] = [];
  for (const p of props as unknown[]) {
    const prop = toProperty(p);
    if (prop) properties.push(prop);
  }
  const components: JCalComponent[] = [];
  for (const c of comps as unknown[]) {
    const comp = toComponent(c);
    if (comp) components.push(comp);
  }
  return { name, properties, components, raw };
}

export function properties(component: JCalComponent, name: string): JCalProperty[] {
  return component.properties.filter((p) => p.name === name);
}

export function property(component: JCalComponent, name: string): JCalProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

/** The first value of a property as text (structured values joined), or undefined. */
export function text(component: JCalComponent, name: string): string | undefined {
  const prop = property(component, name);
  const value = prop?.values[0];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(';');
  return String(value);
}

/** A parameter as a string (first of a multi-valued parameter). */
export function param(prop: JCalProperty, name: string): string | undefined {
  const value = prop.params[name];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
  return String(value);
}
