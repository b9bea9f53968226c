/**
 * Reads iCalendar text into components: {@link LineReader} → content lines → {@link TreeBuilder}.
 * `readIcs` does it at once; `readIcsInSlices` does the same work in slices of a few
 * milliseconds and yields to the event loop between them.
 */
import type { CalendarWarning } from '../types.js';
import { LineReader } from './line-reader.js';
import { type IcsComponent, TreeBuilder } from './tree.js';
import { type SliceOptions, Slicer } from './yield.js';

/** The top-level components of an iCalendar text (normally one VCALENDAR). Never throws. */
export function readIcs(text: string, warnings: CalendarWarning[]): IcsComponent[] {
  const reader = new LineReader(text);
  const builder = new TreeBuilder(warnings);
  for (let text = reader.next(); text !== undefined; text = reader.next()) builder.add(text, reader.line);
  return builder.finish();
}

/** Lines read between two clock checks (a clock read costs more than a line). */
const LINES_PER_CHECK = 256;

/** {@link readIcs} in slices; rejects with the signal's reason when aborted. */
export async function readIcsInSlices(
  source: string,
  warnings: CalendarWarning[],
  options: SliceOptions = {},
): Promise<IcsComponent[]> {
  const reader = new LineReader(source);
  const builder = new TreeBuilder(warnings);
  const slicer = new Slicer(options);
  await slicer.start();
  for (;;) {
    for (let n = 0; n < LINES_PER_CHECK; n++) {
      const text = reader.next();
      if (text === undefined) return builder.finish();
      builder.add(text, reader.line);
    }
    await slicer.maybeYield();
  }
}
