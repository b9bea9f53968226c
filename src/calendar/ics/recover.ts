/**
 * The line-by-line reading of a component ical.js refuses as a whole (`read.ts`): ical.js refuses
 * a text for one unreadable line, for an RRULE part it rejects (`COUNT=abc`, `FREQ=daily`,
 * `BYDAY=XX`…) or for a subcomponent without END. Each property is read by `ICAL.parse.property`
 * on its own, so that what is wrong costs only itself:
 * - an unreadable line is dropped (one `invalid-property` warning per component, with its UID and line);
 * - an RRULE or EXRULE ical.js rejects is kept as its parts (`recurPartsFromText`), for
 *   `validateRule` to repair what it can and to name what it cannot, with the event's UID;
 * - Exchange's misplaced quote (`TZID="W. Europe Standard Time:20200609T090000"`, or a quote never
 *   closed) is put back before the colon, with a warning;
 * - a subcomponent without END (a VALARM) is dropped when its parent's END shows it.
 */
import type { JCalComponent, JCalProperty } from '../jcal.js';
import { recurPartsFromText } from '../rrule/parse-rrule.js';
import type { CalendarWarning } from '../types.js';
import { parseProperty } from './read.js';
import { BEGIN_END, uidInText } from './split.js';

/**
 * Exchange's `NAME;P="value:…"`: a quote opened in the parameters and not closed before the
 * value's colon. Closes it there (and drops a quote left at the end of the line).
 */
function closeQuote(line: string): string | undefined {
  const open = line.indexOf('="');
  const colon = open < 0 ? -1 : line.indexOf(':', open + 2);
  if (colon < 0 || line.slice(open + 2, colon).includes('"')) return undefined;
  const value = line.slice(colon + 1);
  return `${line.slice(0, colon)}":${value.endsWith('"') ? value.slice(0, -1) : value}`;
}

/** One property line in the line-by-line reading; undefined when it cannot be read at all. */
function readLine(line: string, lineNumber: number, warnings: CalendarWarning[]): JCalProperty | undefined {
  const prop = parseProperty(line);
  if (prop) return prop;
  const name = /^[A-Za-z0-9-]+/.exec(line)?.[0].toLowerCase();
  if (name === 'rrule' || name === 'exrule') {
    const text = line.slice(line.indexOf(':') + 1);
    try {
      return [name, {}, 'recur', recurPartsFromText(text)];
    } catch {
      return [name, {}, 'text', text];
    }
  }
  const repaired = closeQuote(line);
  const fixed = repaired === undefined ? undefined : parseProperty(repaired);
  if (fixed) {
    warnings.push({
      code: 'invalid-property',
      message: `${fixed[0].toUpperCase()} on line ${lineNumber} has a misplaced quote in its parameters; repaired`,
      line: lineNumber,
    });
  }
  return fixed;
}

interface Open {
  readonly component: JCalComponent;
  readonly line: number;
}

/**
 * A component's text (BEGIN to END) read line by line (see module doc). Never throws.
 *
 * @param firstLine the 1-based line of its BEGIN in the feed, for warnings.
 */
export function readByLines(text: string, firstLine: number, warnings: CalendarWarning[]): JCalComponent | undefined {
  const stack: Open[] = [];
  let root: JCalComponent | undefined;
  let unreadable = 0;
  const close = (open: Open): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.component[2].push(open.component);
    else root ??= open.component;
  };
  const handle = (line: string, lineNumber: number): void => {
    if (line.trim() === '') return;
    const tag = BEGIN_END.exec(line);
    if (tag) {
      const name = (tag[2] ?? '').toLowerCase();
      if ((tag[1] ?? '').length === 5) {
        stack.push({ component: [name, [], []], line: lineNumber });
        return;
      }
      let index = stack.length - 1;
      while (index > 0 && stack[index]?.component[0] !== name) index--;
      if (stack[index]?.component[0] !== name) index = stack.length - 1;
      while (stack.length > index + 1) {
        const dropped = stack.pop();
        const kind = dropped?.component[0].toUpperCase() ?? '';
        warnings.push({
          code: 'malformed-component',
          message: `${kind} starting on line ${dropped?.line ?? lineNumber} has no END:${kind}; skipped`,
          line: dropped?.line ?? lineNumber,
        });
      }
      const closed = stack.pop();
      if (closed) close(closed);
      return;
    }
    const top = stack[stack.length - 1];
    const prop = top ? readLine(line, lineNumber, warnings) : undefined;
    if (top && prop) top.component[1].push(prop);
    else unreadable++;
  };
  // Unfold: a line starting with a space or a tab continues the previous one.
  let logical = '';
  let logicalLine = firstLine;
  let lineNumber = firstLine;
  for (const physical of text.split(/\r\n|\n|\r/)) {
    if (physical.startsWith(' ') || physical.startsWith('\t')) logical += physical.slice(1);
    else {
      handle(logical, logicalLine);
      logical = physical;
      logicalLine = lineNumber;
    }
    lineNumber++;
  }
  handle(logical, logicalLine);
  while (stack.length > 0) {
    const open = stack.pop();
    if (open) close(open);
  }
  if (unreadable > 0) {
    const uid = uidInText(text);
    warnings.push({
      code: 'invalid-property',
      message: `Ignored ${unreadable} unreadable line(s) in the component on line ${firstLine}`,
      ...(uid ? { uid } : {}),
      line: firstLine,
    });
  }
  return root;
}
