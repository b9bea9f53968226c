import { expect } from '@open-wc/testing';
import { expandCalendar } from '../../../src/calendar/index.js';
import { fixture, rowsOf } from './helpers.js';

// dates.ics: checked by hand (the reference oracle cannot read RDATE;VALUE=PERIOD).
describe('dates, durations and floating times', () => {
  const from = '2026-11-20T00:00:00Z';
  const to = '2026-12-20T00:00:00Z';

  it('all-day events are dates with an exclusive end, in every viewer zone', async () => {
    const cal = await fixture('dates.ics');
    for (const timeZone of ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
      const { occurrences } = expandCalendar(cal, { from: Date.parse(from), to: Date.parse(to), timeZone });
      const conference = occurrences.find((o) => o.uid === 'multiday@test');
      expect(conference?.allDay).to.equal(true);
      expect([conference?.startDate, conference?.endDate]).to.deep.equal(['2026-12-01', '2026-12-04']);
      expect(occurrences.filter((o) => o.uid === 'multiday@test')).to.have.length(1);
      const noEnd = occurrences.find((o) => o.uid === 'allday-noend@test');
      expect([noEnd?.startDate, noEnd?.endDate]).to.deep.equal(['2026-11-26', '2026-11-27']);
    }
  });

  it("an all-day event occupies the viewer's local day", async () => {
    const cal = await fixture('dates.ics');
    const { occurrences } = expandCalendar(cal, {
      from: Date.parse(from),
      to: Date.parse(to),
      timeZone: 'Asia/Kolkata',
    });
    const day = occurrences.find((o) => o.uid === 'allday@test');
    expect(new Date(day?.start ?? 0).toISOString()).to.equal('2026-11-23T18:30:00.000Z');
    expect(new Date(day?.end ?? 0).toISOString()).to.equal('2026-11-24T18:30:00.000Z');
  });

  it('weekly all-day series with an EXDATE', async () => {
    const cal = await fixture('dates.ics');
    expect(rowsOf(cal, 'allday-weekly@test', from, '2026-12-10T00:00:00Z')).to.deep.equal([
      '2026-11-23 2026-11-24',
      '2026-12-07 2026-12-08',
    ]);
  });

  it('DURATION, and a timed event without DTEND lasts zero', async () => {
    const cal = await fixture('dates.ics');
    expect(rowsOf(cal, 'duration@test', from, to)).to.deep.equal(['2026-11-25T15:00:00Z 2026-11-25T16:30:00Z']);
    expect(rowsOf(cal, 'noend@test', from, to)).to.deep.equal(['2026-11-25T18:00:00Z 2026-11-25T18:00:00Z']);
  });

  it("floating times are read in the viewer's zone", async () => {
    const cal = await fixture('dates.ics');
    expect(rowsOf(cal, 'floating@test', from, to, { timeZone: 'America/New_York' })).to.deep.equal([
      '2026-11-27T14:00:00Z 2026-11-27T15:00:00Z',
    ]);
    expect(rowsOf(cal, 'floating@test', from, to, { timeZone: 'Asia/Kolkata' })).to.deep.equal([
      '2026-11-27T03:30:00Z 2026-11-27T04:30:00Z',
    ]);
  });

  it('RDATE values, including PERIOD with an end or a duration', async () => {
    const cal = await fixture('dates.ics');
    expect(rowsOf(cal, 'rdates@test', from, to)).to.deep.equal([
      '2026-11-23T13:00:00Z 2026-11-23T14:00:00Z',
      '2026-11-28T13:00:00Z 2026-11-28T14:00:00Z',
      '2026-12-05T15:00:00Z 2026-12-05T16:00:00Z',
      '2026-12-10T12:00:00Z 2026-12-10T15:00:00Z',
      '2026-12-12T12:00:00Z 2026-12-12T12:15:00Z',
    ]);
  });

  it('EXDATE as a DATE and in UTC on a zoned series', async () => {
    const cal = await fixture('dates.ics');
    expect(rowsOf(cal, 'exdate-date@test', from, to)).to.deep.equal([
      '2026-11-23T07:00:00Z 2026-11-23T07:30:00Z',
      '2026-11-26T07:00:00Z 2026-11-26T07:30:00Z',
    ]);
  });

  it('window overlap: in-progress events are included, zero-length ones by start', async () => {
    const cal = await fixture('dates.ics');
    // 15:45Z is inside the 15:00–16:30 event.
    expect(rowsOf(cal, 'duration@test', '2026-11-25T15:45:00Z', '2026-11-25T15:46:00Z')).to.have.length(1);
    expect(rowsOf(cal, 'duration@test', '2026-11-25T16:30:00Z', '2026-11-25T17:00:00Z')).to.have.length(0);
    expect(rowsOf(cal, 'noend@test', '2026-11-25T18:00:00Z', '2026-11-25T18:01:00Z')).to.have.length(1);
    expect(rowsOf(cal, 'noend@test', '2026-11-25T17:00:00Z', '2026-11-25T18:00:00Z')).to.have.length(0);
    // The conference is in progress on its second day.
    expect(rowsOf(cal, 'multiday@test', '2026-12-02T12:00:00Z', '2026-12-02T13:00:00Z')).to.have.length(1);
  });
});
