/**
 * The Windows → IANA zone table is loaded by the sliced parse (what the elements use) only for a
 * feed with a TZID the runtime does not know. This file runs in its own page and imports the
 * parser directly, not the engine's entry point (which registers the table at once).
 */
import { expect } from '@open-wc/testing';
import { parseCalendarAsync } from '../../../src/calendar/parse.js';
import { expandCalendar } from '../../../src/calendar/expand.js';

const loadedTable = (): boolean =>
  performance.getEntriesByType('resource').some((e) => e.name.includes('/zones/windows-zones.ts'));

function feed(tzid: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//windows zones//EN',
    'BEGIN:VEVENT',
    `UID:${tzid.replace(/\W/g, '')}@test`,
    `DTSTART;TZID=${tzid}:20260115T100000`,
    `DTEND;TZID=${tzid}:20260115T110000`,
    'SUMMARY:Planning',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('Windows zone names, loaded on demand', () => {
  it('a feed with IANA names does not load the table', async () => {
    const calendar = await parseCalendarAsync(feed('Europe/Berlin'));
    expect(calendar.warnings).to.deep.equal([]);
    expect(loadedTable()).to.equal(false);
  });

  it('a feed with a Windows name loads it and reads the time in that zone', async () => {
    const calendar = await parseCalendarAsync(feed('W. Europe Standard Time'));
    expect(loadedTable()).to.equal(true);
    expect(calendar.warnings).to.deep.equal([]);
    const [o] = expandCalendar(calendar, {
      from: Date.UTC(2026, 0, 1),
      to: Date.UTC(2026, 1, 1),
      timeZone: 'UTC',
    }).occurrences;
    // 10:00 in Berlin in January is 09:00 UTC.
    expect(o?.start).to.equal(Date.UTC(2026, 0, 15, 9));
  });
});
