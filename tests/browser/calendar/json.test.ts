import { expect } from '@open-wc/testing';
import {
  CalendarError,
  createSnapshot,
  expandCalendar,
  readSnapshot,
  snapshotOccurrences,
  toOccurrenceJson,
} from '../../../src/calendar/index.js';
import { fixture } from './helpers.js';

describe('JSON forms', () => {
  it('list rows have exactly the CLI contract keys and formats', async () => {
    const cal = await fixture('dates.ics');
    const { occurrences } = expandCalendar(cal, {
      from: Date.parse('2026-11-20T00:00:00Z'),
      to: Date.parse('2026-12-20T00:00:00Z'),
      timeZone: 'UTC',
    });
    for (const row of occurrences.map(toOccurrenceJson)) {
      expect(Object.keys(row)).to.deep.equal([
        'uid',
        'title',
        'start',
        'end',
        'allDay',
        'status',
        'recurrenceId',
        'location',
        'url',
        'joinUrl',
      ]);
      const pattern = row.allDay ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
      expect(row.start).to.match(pattern);
      expect(row.end).to.match(pattern);
    }
  });

  it('a snapshot round-trips through JSON into the same occurrences (in another zone too)', async () => {
    const cal = await fixture('overrides.ics');
    const from = Date.parse('2026-11-20T00:00:00Z');
    const to = Date.parse('2027-01-20T00:00:00Z');
    const { occurrences } = expandCalendar(cal, { from, to, timeZone: 'UTC', includeCancelled: true });
    const snapshot = createSnapshot(occurrences, {
      generated: from,
      from,
      to,
      name: 'Overrides',
      source: 'overrides.ics',
    });
    const read = readSnapshot(JSON.parse(JSON.stringify(snapshot)) as unknown);
    const back = snapshotOccurrences(read, 'Asia/Kolkata');
    expect(back.map((o) => [o.uid, o.start, o.end, o.cancelled, o.recurrenceId])).to.deep.equal(
      occurrences.map((o) => [o.uid, o.start, o.end, o.cancelled, o.recurrenceId]),
    );
    expect(back.find((o) => o.cancelled)?.status).to.equal('CANCELLED');
  });

  it("all-day snapshot rows are placed in the viewer's day", async () => {
    const cal = await fixture('dates.ics');
    const from = Date.parse('2026-11-20T00:00:00Z');
    const to = Date.parse('2026-12-20T00:00:00Z');
    const { occurrences } = expandCalendar(cal, { from, to, timeZone: 'UTC' });
    const snapshot = readSnapshot(
      JSON.parse(JSON.stringify(createSnapshot(occurrences, { generated: from, from, to }))) as unknown,
    );
    const conference = snapshotOccurrences(snapshot, 'America/New_York').find((o) => o.uid === 'multiday@test');
    expect(new Date(conference?.start ?? 0).toISOString()).to.equal('2026-12-01T05:00:00.000Z');
    expect([conference?.startDate, conference?.endDate]).to.deep.equal(['2026-12-01', '2026-12-04']);
  });

  it('anything else is a not-calendar error', () => {
    for (const junk of [
      null,
      [],
      { format: 'other' },
      { format: 'otel-calendar-snapshot', version: 2, events: [] },
      { format: 'otel-calendar-snapshot', version: 1, events: [{ uid: 1 }] },
    ]) {
      expect(() => readSnapshot(junk)).to.throw(CalendarError);
    }
  });
});
