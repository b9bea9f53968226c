import { expect } from '@open-wc/testing';
import { expandCalendar, intlZone, zoneByName } from '../../../src/calendar/index.js';
import { showsLocalTime } from '../../../src/calendar/zones/intl-zone.js';
import { VIEWER_ZONES, fixture, rowsOf } from './helpers.js';

// zones.ics: checked against the reference oracle, except the repeated-hour case (RFC 5545
// §3.3.5 takes the first occurrence; the oracle's pytz takes the second) and the gap case.
describe('time zones', () => {
  const from = '2026-10-01T00:00:00Z';
  const to = '2027-04-01T00:00:00Z';

  for (const timeZone of VIEWER_ZONES) {
    it(`resolves every kind of TZID (viewer in ${timeZone})`, async () => {
      const cal = await fixture('zones.ics');
      const at = (uid: string): string[] => rowsOf(cal, uid, from, to, { timeZone });
      expect(at('iana@test')).to.deep.equal(['2026-11-24T17:00:00Z 2026-11-24T18:00:00Z']);
      expect(at('windows@test')).to.deep.equal(['2026-11-24T20:00:00Z 2026-11-24T21:00:00Z']);
      expect(at('windows-quoted@test')).to.deep.equal(['2026-11-24T11:00:00Z 2026-11-24T12:00:00Z']);
      expect(at('mozilla@test')).to.deep.equal(['2026-11-24T06:30:00Z 2026-11-24T07:30:00Z']);
      expect(at('custom@test')).to.deep.equal(['2026-11-24T08:45:00Z 2026-11-24T09:45:00Z']);
    });
  }

  it('a weekly series keeps 10:00 New York across the November change', async () => {
    const cal = await fixture('zones.ics');
    expect(rowsOf(cal, 'weekly-ny@test', from, to).map((r) => r.slice(0, 20))).to.deep.equal([
      '2026-10-20T14:00:00Z',
      '2026-10-27T14:00:00Z',
      '2026-11-03T15:00:00Z',
      '2026-11-10T15:00:00Z',
    ]);
  });

  it('a time in the spring-forward gap uses the offset before the gap', async () => {
    const cal = await fixture('zones.ics');
    // 02:30 EST (-05:00) = 07:30Z; the end, 03:30 EDT, is the same instant.
    expect(rowsOf(cal, 'gap@test', from, to)).to.deep.equal(['2027-03-14T07:30:00Z 2027-03-14T07:30:00Z']);
  });

  it('a time in the repeated hour takes its first occurrence', async () => {
    const cal = await fixture('zones.ics');
    // 01:30 EDT (-04:00) = 05:30Z, not 01:30 EST.
    expect(rowsOf(cal, 'overlap@test', from, to)).to.deep.equal(['2026-11-01T05:30:00Z 2026-11-01T07:00:00Z']);
  });

  it('an unknown TZID is reported and read as floating', async () => {
    const cal = await fixture('zones.ics');
    expect(cal.warnings.map((w) => w.code)).to.deep.equal(['unknown-timezone']);
    expect(rowsOf(cal, 'unknown@test', from, to, { timeZone: 'Asia/Kolkata' })).to.deep.equal([
      '2026-11-25T06:30:00Z 2026-11-25T07:30:00Z',
    ]);
  });

  it('X-WR-TIMEZONE is the zone of floating times; UTC times stay UTC', async () => {
    const cal = await fixture('x-wr-timezone.ics');
    for (const timeZone of VIEWER_ZONES) {
      expect(rowsOf(cal, 'floating-tokyo@test', from, to, { timeZone })).to.deep.equal([
        '2026-11-24T00:00:00Z 2026-11-24T01:00:00Z',
      ]);
      expect(rowsOf(cal, 'utc-stays@test', from, to, { timeZone })).to.deep.equal([
        '2026-11-24T09:00:00Z 2026-11-24T10:00:00Z',
      ]);
    }
  });

  it("the viewer zone defaults to the browser's (pinned to Europe/Berlin in tests)", async () => {
    const cal = await fixture('dates.ics');
    const { occurrences } = expandCalendar(cal, {
      from: Date.parse('2026-11-27T00:00:00Z'),
      to: Date.parse('2026-11-28T00:00:00Z'),
    });
    const floating = occurrences.find((o) => o.uid === 'floating@test');
    expect(new Date(floating?.start ?? 0).toISOString()).to.equal('2026-11-27T08:00:00.000Z');
  });

  it("the viewer's own clock: the browser's zone under any spelling, or a zone on its offset then", () => {
    // The browser runs in Europe/Berlin: CET (+01:00) in January, CEST (+02:00) in July.
    const january = Date.parse('2026-01-15T12:00:00Z');
    const july = Date.parse('2026-07-15T12:00:00Z');
    expect(showsLocalTime('Europe/Berlin', january)).to.equal(true);
    expect(showsLocalTime('europe/berlin', january)).to.equal(true);
    expect(showsLocalTime('Europe/Paris', july)).to.equal(true);
    // West Africa Time is +01:00 all year: the same clock in winter only.
    expect(showsLocalTime('Africa/Lagos', january)).to.equal(true);
    expect(showsLocalTime('Africa/Lagos', july)).to.equal(false);
    expect(showsLocalTime('Europe/London', january)).to.equal(false);
    expect(showsLocalTime('Asia/Kolkata', january)).to.equal(false);
    expect(showsLocalTime('Not/A_Zone', january)).to.equal(false);
  });

  it('names: Windows, aliases, offsets; the IANA name is kept as written', () => {
    expect(zoneByName('W. Europe Standard Time')?.iana).to.equal('Europe/Berlin');
    expect(zoneByName('India Standard Time')?.iana).to.equal('Asia/Kolkata');
    expect(zoneByName('Asia/Kolkata')?.iana).to.equal('Asia/Kolkata');
    expect(zoneByName('(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi')?.offsetAt(0)).to.equal(5.5 * 3_600_000);
    expect(zoneByName('US/Eastern')?.offsetAt(Date.parse('2026-07-01T00:00:00Z'))).to.equal(-4 * 3_600_000);
    expect(zoneByName('Not/AZone')).to.equal(undefined);
    expect(intlZone('Europe/Berlin')?.offsetAt(Date.parse('2026-03-29T01:00:00Z'))).to.equal(2 * 3_600_000);
    expect(intlZone('Europe/Berlin')?.offsetAt(Date.parse('2026-03-29T00:59:59Z'))).to.equal(3_600_000);
  });
});
