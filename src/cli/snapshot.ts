import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { expandCalendar } from '../calendar/expand.js';
import { createSnapshot } from '../calendar/json-write.js';
import { readSnapshot } from '../calendar/json.js';
import { parseCalendar } from '../calendar/parse.js';
import '../calendar/zones/windows-zones-registered.js';
import { DAY } from '../calendar/time.js';
import type { Calendar } from '../calendar/types.js';
import { UsageError } from './args.js';

export interface SnapshotRequest {
  readonly output: string;
  readonly source: string;
  /** The calendar text as downloaded (already parsed into `calendar`). */
  readonly text: string;
  readonly calendar: Calendar;
  readonly timeZone: string;
  readonly from: number;
  readonly to: number;
  /** ICS only: drop events with no occurrence after `from`. */
  readonly trim: boolean;
}

/**
 * Refuses calendar text that stops before its end. A download cut short without any sign at the
 * HTTP level (no Content-Length, connection closed early) still parses — the parser is lenient,
 * skipping the broken last event — so a snapshot checks that the text ends with END:VCALENDAR.
 */
export function assertComplete(text: string, output: string): void {
  const trimmed = text.trimEnd();
  if (/(?:^|\n)END:VCALENDAR$/i.test(trimmed)) return;
  throw new UsageError(
    `the calendar is incomplete (it does not end with END:VCALENDAR, the download was probably cut short); ${output} was not changed`,
    1,
  );
}

/** How far ahead --trim looks for a future occurrence before dropping a series. */
const TRIM_HORIZON = 10 * 366 * DAY;

/** The ICS text without the VEVENTs whose UID is not in `keep`; everything else verbatim. */
function withoutEvents(text: string, keep: ReadonlySet<string>): { text: string; dropped: number } {
  let dropped = 0;
  const out = text.replace(/^BEGIN:VEVENT\r?\n[\s\S]*?^END:VEVENT[ \t]*(?:\r?\n|$)/gm, (block) => {
    const uid = /^UID[^:\r\n]*:(.*)$/m.exec(block.replace(/\r?\n[ \t]/g, ''))?.[1]?.trim();
    if (uid === undefined || keep.has(uid)) return block;
    dropped++;
    return '';
  });
  return { text: out, dropped };
}

async function writeAtomically(path: string, content: string, validate: (written: string) => void): Promise<void> {
  validate(content);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(content, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`could not write ${path}: ${code ?? message}`, 1);
  }
}

/**
 * Writes the snapshot: `.ics` as downloaded (optionally trimmed), `.json` pre-expanded. The
 * file is written to a temporary name beside the target, validated, synced and renamed over
 * it, so readers never see a partial file and a failure leaves the old file as it was.
 * Returns a short description of what was written.
 */
export async function writeSnapshot(request: SnapshotRequest): Promise<string> {
  const { output, calendar, timeZone, from, to } = request;
  const ext = extname(output).toLowerCase();
  if (ext === '.json') {
    const { occurrences } = expandCalendar(calendar, { from, to, timeZone, includeCancelled: true });
    const snapshot = createSnapshot(occurrences, {
      generated: Date.now(),
      source: /^https?:\/\//i.test(request.source) ? request.source : basename(request.source),
      name: calendar.name,
      from,
      to,
    });
    await writeAtomically(output, `${JSON.stringify(snapshot, null, 2)}\n`, (written) => {
      readSnapshot(JSON.parse(written) as unknown);
    });
    return `${occurrences.length} occurrences, ${Math.round((to - from) / DAY)} days`;
  }
  if (ext === '.ics' || ext === '.ical' || ext === '.ifb') {
    let { text } = request;
    let note = `${calendar.events.length} events`;
    if (request.trim) {
      const { occurrences } = expandCalendar(calendar, {
        from,
        to: from + TRIM_HORIZON,
        timeZone,
        includeCancelled: true,
      });
      const trimmed = withoutEvents(text, new Set(occurrences.map((o) => o.uid)));
      text = trimmed.text;
      note = `${calendar.events.length - trimmed.dropped} events, ${trimmed.dropped} past events trimmed`;
    }
    await writeAtomically(output, text, (written) => {
      parseCalendar(written);
    });
    return note;
  }
  throw new UsageError(`the output must end in .ics or .json, not "${ext || basename(output)}"`);
}
