/**
 * Components from content lines (RFC 5545 §3.4, §3.6): BEGIN/END nesting, with recovery so that
 * one broken component costs only itself. Unreadable lines are dropped (one warning per
 * component); a component without its END is dropped when the next sibling or its parent's END
 * shows it was never closed; a stray END is ignored. Never throws.
 */
import type { CalendarWarning } from '../types.js';
import { type IcsParams, parseContentLine } from './content-line.js';
import { decodeValues, type IcsValue, valueType } from './values.js';

export interface IcsProperty {
  /** Lower-case name. */
  readonly name: string;
  readonly params: Readonly<IcsParams>;
  /** Value type (lower-case): the VALUE parameter, detected, or the property's default. */
  readonly type: string;
  readonly values: readonly IcsValue[];
}

export interface IcsComponent {
  /** Lower-case name (`vcalendar`, `vevent`, `vtimezone`, `standard`…). */
  readonly name: string;
  readonly properties: IcsProperty[];
  readonly components: IcsComponent[];
  /** 1-based line of its BEGIN. */
  readonly line: number;
}

/** Standard components, none of which can contain itself: a second BEGIN means the first was never ended. */
const NOT_SELF_NESTING = new Set([
  'vcalendar',
  'vevent',
  'vtodo',
  'vjournal',
  'vfreebusy',
  'vtimezone',
  'valarm',
  'standard',
  'daylight',
  'vavailability',
  'available',
  'vlocation',
  'vresource',
]);
/** Components that only live directly inside a VCALENDAR. */
const CALENDAR_CHILDREN = new Set(['vevent', 'vtodo', 'vjournal', 'vfreebusy', 'vtimezone']);
/** Deeper nesting than this is not iCalendar; it is skipped (and keeps recursion bounded). */
export const MAX_DEPTH = 16;

interface Open {
  readonly component: IcsComponent;
  badLines: number;
}

/** UID of a component, for warnings. */
export function uidOf(component: IcsComponent): string | undefined {
  const value = component.properties.find((p) => p.name === 'uid')?.values[0];
  return typeof value === 'string' ? value.trim() || undefined : undefined;
}

/** Builds the component tree line by line (`add`), then `finish` returns the top-level components. */
export class TreeBuilder {
  readonly roots: IcsComponent[] = [];
  readonly #stack: Open[] = [];
  readonly #warnings: CalendarWarning[];
  #strayLines = 0;
  #firstStrayLine = 0;
  /** Depth of BEGINs being skipped past MAX_DEPTH. */
  #skipping = 0;

  constructor(warnings: CalendarWarning[]) {
    this.#warnings = warnings;
  }

  /** Adds one unfolded line (`line`: its 1-based line number, for warnings). */
  add(text: string, line: number): void {
    if (text.length === 0 || text.trim().length === 0) return;
    const parsed = parseContentLine(text);
    if (!parsed) {
      this.#badLine(line);
      return;
    }
    if (parsed.name === 'begin' || parsed.name === 'end') {
      const kind = parsed.value.trim().toLowerCase();
      if (!/^[a-z0-9-]+$/.test(kind)) {
        this.#badLine(line);
        return;
      }
      if (parsed.name === 'begin') this.#begin(kind, line);
      else this.#end(kind, line);
      return;
    }
    if (this.#skipping > 0) return;
    const top = this.#stack[this.#stack.length - 1];
    if (!top) {
      this.#badLine(line);
      return;
    }
    if (parsed.repaired) {
      this.#warnings.push({
        code: 'invalid-property',
        message: `${parsed.name.toUpperCase()} on line ${line} has a misplaced quote in its parameters; repaired`,
        line,
      });
    }
    const valueParam = parsed.params['value'];
    const type = valueType(parsed.name, typeof valueParam === 'string' ? valueParam : undefined, parsed.value);
    top.component.properties.push({
      name: parsed.name,
      params: parsed.params,
      type,
      values: decodeValues(parsed.name, type, parsed.value),
    });
  }

  /** Closes what is still open at the end of the text; returns the top-level components. */
  finish(): IcsComponent[] {
    // A missing END:VCALENDAR at the very end is tolerated; anything else left open is dropped.
    while (this.#stack.length > 1) this.#dropTop();
    const last = this.#stack.pop();
    if (last) this.#close(last);
    if (this.#strayLines > 0) {
      this.#warnings.push({
        code: 'invalid-property',
        message: `Ignored ${this.#strayLines} line(s) outside any component (first on line ${this.#firstStrayLine})`,
        line: this.#firstStrayLine,
      });
      this.#strayLines = 0;
    }
    return this.roots;
  }

  #badLine(line: number): void {
    const top = this.#stack[this.#stack.length - 1];
    if (this.#skipping > 0) return;
    if (top) top.badLines++;
    else {
      if (this.#strayLines === 0) this.#firstStrayLine = line;
      this.#strayLines++;
    }
  }

  #begin(kind: string, line: number): void {
    if (this.#skipping > 0 || this.#stack.length >= MAX_DEPTH) {
      if (this.#skipping === 0) {
        this.#warnings.push({
          code: 'malformed-component',
          message: `Components nested too deeply from line ${line}; skipped`,
          line,
        });
      }
      this.#skipping++;
      return;
    }
    // A BEGIN of something already open, or of a calendar-level component inside another one,
    // means the open components were never ended.
    const openIndex = NOT_SELF_NESTING.has(kind) ? this.#stack.findIndex((o) => o.component.name === kind) : -1;
    if (openIndex >= 0) {
      while (this.#stack.length > openIndex) this.#dropTop();
    } else if (CALENDAR_CHILDREN.has(kind)) {
      const calendarIndex = this.#stack.findIndex((o) => o.component.name === 'vcalendar');
      if (calendarIndex >= 0) while (this.#stack.length > calendarIndex + 1) this.#dropTop();
    }
    this.#stack.push({ component: { name: kind, properties: [], components: [], line }, badLines: 0 });
  }

  #end(kind: string, line: number): void {
    if (this.#skipping > 0) {
      this.#skipping--;
      return;
    }
    let index = -1;
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      if (this.#stack[i]?.component.name === kind) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      // A misspelt END (`END:VEYENT`) inside a component closes that component, as most
      // readers do; at calendar level it is ignored.
      const top = this.#stack[this.#stack.length - 1];
      const closesTop = top !== undefined && top.component.name !== 'vcalendar';
      this.#warnings.push({
        code: 'malformed-component',
        message: closesTop
          ? `END:${kind.toUpperCase()} on line ${line} read as END:${top.component.name.toUpperCase()}`
          : `END:${kind.toUpperCase()} on line ${line} without its BEGIN; ignored`,
        line,
      });
      if (!closesTop) return;
      index = this.#stack.length - 1;
    }
    while (this.#stack.length > index + 1) this.#dropTop();
    const open = this.#stack.pop();
    if (open) this.#close(open);
  }

  /** Drops the innermost open component: it has no END. */
  #dropTop(): void {
    const open = this.#stack.pop();
    if (!open) return;
    const { component } = open;
    const kind = component.name.toUpperCase();
    const uid = uidOf(component);
    this.#warnings.push({
      code: 'malformed-component',
      message: `${kind} starting on line ${component.line} has no END:${kind}; skipped`,
      ...(uid ? { uid } : {}),
      line: component.line,
    });
  }

  #close(open: Open): void {
    const { component } = open;
    if (open.badLines > 0) {
      const uid = uidOf(component);
      this.#warnings.push({
        code: 'invalid-property',
        message: `Ignored ${open.badLines} unreadable line(s) in the component on line ${component.line}`,
        ...(uid ? { uid } : {}),
        line: component.line,
      });
    }
    const parent = this.#stack[this.#stack.length - 1];
    if (!parent) {
      this.roots.push(component);
      return;
    }
    parent.component.components.push(component);
  }
}
