/**
 * An iCalendar text cut into its calendar-level components (VEVENT, VTIMEZONE…) without reading
 * them: only BEGIN and END lines are looked at. Each component is then read on its own by ical.js
 * (`read.ts`), because ical.js refuses a whole text for one bad line or one missing END: this way
 * a broken component costs only itself, warnings name the line a component starts on, a large
 * feed is parsed in slices between components, and a component that cannot matter (another kind,
 * or a one-off event long over, see `skip-before.ts`) is never parsed at all.
 *
 * Recovery at this level, each with a warning:
 * - a component whose END never comes is dropped (with its UID and line) when the next
 *   calendar-level BEGIN, an END:VCALENDAR or the end of the text shows it;
 * - an END that names no open component closes the innermost one (`END:VEYENT`); at calendar
 *   level it is ignored;
 * - a component nested deeper than {@link MAX_DEPTH} is skipped;
 * - lines outside any VCALENDAR are ignored (one warning for all of them).
 * The first VCALENDAR's own properties (X-WR-CALNAME…) are kept apart ({@link ComponentSplitter.header}).
 * Line ends may be CRLF, LF or CR; in a text with bare CRs, components are given LF line ends
 * (ical.js splits lines at LF only). Linear in the text, and it can stop and resume between components.
 */
import type { CalendarWarning } from '../types.js';

/** One calendar-level component, as text. */
export interface ComponentText {
  /** Lower-case name (`vevent`, `vtimezone`…). */
  readonly name: string;
  /** From its BEGIN line to its END line, line ends included. */
  readonly text: string;
  /** 1-based line of its BEGIN. */
  readonly line: number;
}

/** A BEGIN or END line: `$1` BEGIN or END, `$2` the component's name. */
export const BEGIN_END = /^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$/i;
/** Components that live directly in a VCALENDAR: a BEGIN of one inside another means the other never ended. */
const CALENDAR_CHILDREN = new Set(['vevent', 'vtodo', 'vjournal', 'vfreebusy', 'vtimezone', 'vcalendar']);
/** Deeper nesting than this (VCALENDAR included) is not iCalendar; such a component is skipped. */
export const MAX_DEPTH = 16;

const UID_LINE = /^UID[;:][^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im;
const LINE_BREAK = /\r\n|\n|\r/;
const LINE_END = /[\r\n]|$/g;

interface OpenComponent {
  readonly name: string;
  /** Offset of its BEGIN line. */
  readonly start: number;
  readonly line: number;
  /** Names of what is open inside it, itself first. */
  readonly stack: string[];
  tooDeep: boolean;
}

/** The UID written in a component's text (folds joined), for warnings and the pre-scan. */
export function uidInText(text: string): string | undefined {
  const line = UID_LINE.exec(text)?.[0].replace(/\r?\n[ \t]/g, '');
  return line?.slice(line.indexOf(':') + 1).trim() || undefined;
}

export class ComponentSplitter {
  readonly #text: string;
  readonly #warnings: CalendarWarning[];
  /** BEGIN/END lines, found with one regular expression (much faster than walking every line). */
  readonly #tags = /^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$/gim;
  /** Whether the text has CRs not followed by LF (then lines are counted, and components given, the slow way). */
  readonly #bareCr: boolean;
  /** Where the text after the last BEGIN/END line starts. */
  #after = 0;
  /** Line counting: the 1-based line at offset #countedTo. */
  #countedTo = 0;
  #countedLine = 1;
  #open: OpenComponent | undefined;
  #inCalendar = false;
  #calendars = 0;
  #calendarLine = 1;
  readonly #header: string[] = [];
  #strayLines = 0;
  #firstStrayLine = 0;
  #done = false;

  constructor(text: string, warnings: CalendarWarning[]) {
    // A byte-order mark is not part of the first line (and would hide its BEGIN).
    this.#text = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.#warnings = warnings;
    this.#bareCr = /\r(?!\n)/.test(this.#text);
  }

  /** Whether a BEGIN:VCALENDAR was seen. */
  get sawCalendar(): boolean {
    return this.#calendars > 0;
  }

  /** 1-based line of the first BEGIN:VCALENDAR (1 when there is none). */
  get calendarLine(): number {
    return this.#calendarLine;
  }

  /** The first VCALENDAR with its own properties only, as iCalendar text (complete once {@link next} has returned undefined). */
  header(): string {
    return `BEGIN:VCALENDAR\n${this.#header.join('\n')}\nEND:VCALENDAR\n`;
  }

  /** The 1-based line number of an offset at or after the last one asked for. */
  #lineAt(offset: number): number {
    const text = this.#text;
    let line = this.#countedLine;
    if (this.#bareCr) {
      line += text.slice(this.#countedTo, offset).split(LINE_BREAK).length - 1;
    } else {
      for (let i = text.indexOf('\n', this.#countedTo); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    }
    this.#countedTo = offset;
    this.#countedLine = line;
    return line;
  }

  /** Offset just past the line break that ends the line at `end` (or the text's end). */
  #pastBreak(end: number): number {
    const text = this.#text;
    if (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a) return end + 2;
    return end < text.length ? end + 1 : end;
  }

  /** The next BEGIN/END line: `[start, offset past it, isBegin, lower-case name]` (a folded one joined). */
  #nextTag(): [number, number, boolean, string] | undefined {
    const text = this.#text;
    for (;;) {
      const m = this.#tags.exec(text);
      if (!m) return undefined;
      let after = this.#pastBreak(m.index + m[0].length);
      let name = m[2] ?? '';
      const next = text.charCodeAt(after);
      if (next === 0x20 || next === 0x09) {
        // A folded BEGIN/END line (legal, if odd): join its continuation lines.
        let line = m[0];
        while (text.charCodeAt(after) === 0x20 || text.charCodeAt(after) === 0x09) {
          LINE_END.lastIndex = after;
          const end = LINE_END.exec(text)?.index ?? text.length;
          line += text.slice(after + 1, end);
          after = this.#pastBreak(end);
        }
        this.#tags.lastIndex = after;
        const joined = BEGIN_END.exec(line);
        if (!joined) continue;
        name = joined[2] ?? '';
      }
      return [m.index, after, (m[1] ?? '').length === 5, name.toLowerCase()];
    }
  }

  #warn(code: CalendarWarning['code'], message: string, line: number, uid?: string): void {
    this.#warnings.push({ code, message, ...(uid ? { uid } : {}), line });
  }

  /** Drops the open component: its END never came. */
  #drop(open: OpenComponent, upTo: number): void {
    const kind = open.name.toUpperCase();
    const uid = uidInText(this.#text.slice(open.start, upTo));
    this.#warn(
      'malformed-component',
      `${kind} starting on line ${open.line} has no END:${kind}; skipped`,
      open.line,
      uid,
    );
    this.#open = undefined;
  }

  #begin(name: string, start: number): void {
    const line = this.#lineAt(start);
    if (name === 'vcalendar') {
      this.#inCalendar = true;
      if (++this.#calendars === 1) this.#calendarLine = line;
      return;
    }
    this.#open = { name, start, line, stack: [name], tooDeep: false };
  }

  /** The lines between two BEGIN/END lines outside any component: the calendar's properties, or stray lines. */
  #between(from: number, to: number): void {
    if (to <= from) return;
    const lines = this.#text.slice(from, to).split(LINE_BREAK);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      if (this.#inCalendar) {
        if (this.#calendars === 1) this.#header.push(line);
      } else {
        if (this.#strayLines === 0) this.#firstStrayLine = this.#lineAt(from) + i;
        this.#strayLines++;
      }
    }
  }

  /** The next calendar-level component, or undefined at the end of the text. */
  next(): ComponentText | undefined {
    for (let tag = this.#nextTag(); tag; tag = this.#nextTag()) {
      const [start, after, isBegin, name] = tag;
      const open = this.#open;
      if (!open) {
        this.#between(this.#after, start);
        this.#after = after;
        if (isBegin) this.#begin(name, start);
        else if (name === 'vcalendar' && this.#inCalendar) this.#inCalendar = false;
        else {
          const line = this.#lineAt(start);
          this.#warn(
            'malformed-component',
            `END:${name.toUpperCase()} on line ${line} without its BEGIN; ignored`,
            line,
          );
        }
        continue;
      }
      this.#after = after;
      if (isBegin) {
        if (CALENDAR_CHILDREN.has(name)) {
          this.#drop(open, start);
          this.#begin(name, start);
        } else {
          open.stack.push(name);
          if (open.stack.length >= MAX_DEPTH) open.tooDeep = true;
        }
        continue;
      }
      let index = open.stack.lastIndexOf(name);
      if (index < 0) {
        if (name === 'vcalendar') {
          this.#drop(open, start);
          this.#inCalendar = false;
          continue;
        }
        // A misspelt END closes the component it is in, as most readers do.
        index = open.stack.length - 1;
        const line = this.#lineAt(start);
        const closed = (open.stack[index] ?? '').toUpperCase();
        this.#warn('malformed-component', `END:${name.toUpperCase()} on line ${line} read as END:${closed}`, line);
      }
      open.stack.length = index;
      if (index > 0) continue;
      this.#open = undefined;
      if (open.tooDeep) {
        this.#warn('malformed-component', `Components nested too deeply from line ${open.line}; skipped`, open.line);
        continue;
      }
      const body = this.#text.slice(open.start, after);
      return { name: open.name, text: this.#bareCr ? body.replace(/\r\n?/g, '\n') : body, line: open.line };
    }
    this.#finish();
    return undefined;
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    if (this.#open) this.#drop(this.#open, this.#text.length);
    else this.#between(this.#after, this.#text.length);
    if (this.#strayLines > 0) {
      this.#warn(
        'invalid-property',
        `Ignored ${this.#strayLines} line(s) outside any component (first on line ${this.#firstStrayLine})`,
        this.#firstStrayLine,
      );
    }
  }
}
