import { expect } from '@open-wc/testing';
import { expandCalendar } from '../../../src/calendar/index.js';
import { VIEWER_ZONES, fixture, rows, rowsOf } from './helpers.js';

// overrides.ics: expectations checked against the reference oracle, except where ORACLE.md
// lists the oracle's own bugs (it ignores RANGE=THISANDFUTURE and lets an override beat an EXDATE).
describe('overrides (RECURRENCE-ID), EXDATE and cancellation', () => {
  const from = '2026-11-15T00:00:00Z';
  const to = '2027-02-01T00:00:00Z';

  for (const timeZone of VIEWER_ZONES) {
    it(`a series with moved, excluded and cancelled instances (viewer in ${timeZone})`, async () => {
      const cal = await fixture('overrides.ics');
      expect(rowsOf(cal, 'sig-a@test', from, to, { timeZone })).to.deep.equal([
        '2026-11-18T17:00:00Z 2026-11-18T18:00:00Z',
        // 11-25: EXDATE (zoned). 12-02 moved to Thursday 13:00:
        '2026-12-03T21:00:00Z 2026-12-03T22:00:00Z',
        // 12-09: EXDATE in UTC (and its override must not show). 12-16: cancelled. 12-23: moved out to 01-13.
        '2026-12-30T17:00:00Z 2026-12-30T18:00:00Z',
        '2026-12-30T17:00:00Z 2026-12-30T18:00:00Z', // 01-06 pulled into December
        '2027-01-13T17:00:00Z 2027-01-13T18:00:00Z',
        '2027-01-13T17:00:00Z 2027-01-13T18:00:00Z', // 12-23 pushed into January
        '2027-01-20T17:00:00Z 2027-01-20T18:00:00Z',
        '2027-01-27T17:00:00Z 2027-01-27T18:00:00Z',
      ]);
    });
  }

  it('moved instances keep the RECURRENCE-ID of their original slot', async () => {
    const cal = await fixture('overrides.ics');
    const { occurrences } = expandCalendar(cal, { from: Date.parse(from), to: Date.parse(to), timeZone: 'UTC' });
    const moved = occurrences.find((o) => o.title === 'SIG A (moved to Thursday)');
    expect(moved?.recurrenceId).to.equal('2026-12-02T17:00:00Z');
    expect(moved?.source).to.equal('override');
    const pulled = occurrences.find((o) => o.title === 'SIG A (January session pulled into December)');
    expect(pulled?.recurrenceId).to.equal('2027-01-06T17:00:00Z');
  });

  it('an override moves an instance into and out of a narrow window', async () => {
    const cal = await fixture('overrides.ics');
    // The 12-23 slot is empty (moved to 01-13); the 01-06 instance appears on 12-30.
    expect(rowsOf(cal, 'sig-a@test', '2026-12-22T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
      '2026-12-30T17:00:00Z 2026-12-30T18:00:00Z',
      '2026-12-30T17:00:00Z 2026-12-30T18:00:00Z',
    ]);
  });

  it('cancelled instances are hidden, or shown marked with includeCancelled', async () => {
    const cal = await fixture('overrides.ics');
    const window = ['2026-12-15T00:00:00Z', '2026-12-17T00:00:00Z'] as const;
    expect(rowsOf(cal, 'sig-a@test', ...window)).to.deep.equal([]);
    expect(rowsOf(cal, 'sig-a@test', ...window, { includeCancelled: true })).to.deep.equal([
      '2026-12-16T17:00:00Z 2026-12-16T18:00:00Z [cancelled]',
    ]);
  });

  it('an EXDATE wins over an override of the same instance', async () => {
    const cal = await fixture('overrides.ics');
    const all = rows(cal, '2026-12-08T00:00:00Z', '2026-12-12T00:00:00Z', { includeCancelled: true });
    expect(all.join('\n')).not.to.contain('EXDATE');
  });

  it('overrides belong to their own UID only (same slot, another series)', async () => {
    const cal = await fixture('overrides.ics');
    const week = ['2026-11-16T00:00:00Z', '2026-11-23T00:00:00Z'] as const;
    expect(rowsOf(cal, 'sig-a@test', ...week)).to.deep.equal(['2026-11-18T17:00:00Z 2026-11-18T18:00:00Z']);
    expect(rowsOf(cal, 'sig-b@test', ...week)).to.deep.equal(['2026-11-18T19:00:00Z 2026-11-18T19:30:00Z']);
  });

  it('an override without its series is shown as a single event', async () => {
    const cal = await fixture('overrides.ics');
    expect(rowsOf(cal, 'orphan@test', from, to)).to.deep.equal(['2026-12-01T18:00:00Z 2026-12-01T19:00:00Z']);
  });

  it('of two overrides of one instance the higher SEQUENCE wins', async () => {
    const cal = await fixture('overrides.ics');
    const titles = rows(cal, '2026-12-01T00:00:00Z', '2026-12-05T00:00:00Z').filter((r) => r.includes('Daily x3'));
    expect(titles).to.deep.equal([
      '2026-12-01T23:00:00Z 2026-12-02T00:00:00Z Daily x3',
      '2026-12-03T01:00:00Z 2026-12-03T02:00:00Z Daily x3 (latest edit)',
      '2026-12-03T23:00:00Z 2026-12-04T00:00:00Z Daily x3',
    ]);
  });

  it('RANGE=THISANDFUTURE applies its change to later instances', async () => {
    const cal = await fixture('overrides.ics');
    const got = rows(cal, '2026-12-01T00:00:00Z', '2026-12-10T00:00:00Z').filter((r) =>
      / (Before|After) the change/.test(r),
    );
    expect(got).to.deep.equal([
      '2026-12-01T16:00:00Z 2026-12-01T16:30:00Z Before the change',
      '2026-12-02T16:00:00Z 2026-12-02T16:30:00Z Before the change',
      '2026-12-03T17:30:00Z 2026-12-03T18:00:00Z After the change (this and future)',
      '2026-12-04T17:30:00Z 2026-12-04T18:00:00Z After the change (this and future)',
      '2026-12-05T17:30:00Z 2026-12-05T18:00:00Z After the change (this and future)',
    ]);
  });
});
