import { expect } from '@open-wc/testing';
import { expandRule, recurPartsFromText, validateRule } from '../../../src/calendar/index.js';
import { parseDateTime } from '../../../src/calendar/time.js';
import { fixture, rowsOf } from './helpers.js';

/** Expands an RRULE over floating wall times, returning `YYYYMMDDTHHMMSS` strings. */
function expand(rrule: string, dtstart: string, to = '2100-01-01T00:00:00Z', from?: string): string[] {
  const start = parseDateTime(dtstart);
  if (!start) throw new Error('bad dtstart');
  const rule = validateRule(recurPartsFromText(rrule), undefined, (t) => {
    const p = parseDateTime(t);
    return p ? { wall: p.wall, isDate: p.isDate, zone: p.utc ? 'utc' : 'floating' } : undefined;
  });
  const until = rule.until
    ? rule.until.isDate && !start.isDate
      ? rule.until.wall + 86_399_999
      : rule.until.wall
    : undefined;
  const { instances } = expandRule(rule, {
    dtstart: start.wall,
    isDate: start.isDate,
    from: from ? Date.parse(from) : start.wall,
    to: Date.parse(to),
    until,
  });
  return instances.map((w) =>
    new Date(w)
      .toISOString()
      .replace(/[-:]/g, '')
      .slice(0, start.isDate ? 8 : 15),
  );
}

// RFC 5545 §3.8.5.3 examples (the RFC's own expected instances).
describe('expandRule: RFC 5545 examples', () => {
  it('monthly on the 1st Friday for 10 occurrences', () => {
    expect(expand('FREQ=MONTHLY;COUNT=10;BYDAY=1FR', '19970905T090000')).to.deep.equal([
      '19970905T090000',
      '19971003T090000',
      '19971107T090000',
      '19971205T090000',
      '19980102T090000',
      '19980206T090000',
      '19980306T090000',
      '19980403T090000',
      '19980501T090000',
      '19980605T090000',
    ]);
  });
  it('monthly on the second-to-last Monday (negative BYDAY)', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=-2MO;COUNT=6', '19970922T090000')).to.deep.equal([
      '19970922T090000',
      '19971020T090000',
      '19971117T090000',
      '19971222T090000',
      '19980119T090000',
      '19980216T090000',
    ]);
  });
  it('monthly on the third-to-last day (negative BYMONTHDAY)', () => {
    expect(expand('FREQ=MONTHLY;BYMONTHDAY=-3;COUNT=4', '19970928T090000')).to.deep.equal([
      '19970928T090000',
      '19971029T090000',
      '19971128T090000',
      '19971229T090000',
    ]);
  });
  it('the last work day of the month (BYSETPOS=-1)', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6', '19970930T090000')).to.deep.equal([
      '19970930T090000',
      '19971031T090000',
      '19971128T090000',
      '19971231T090000',
      '19980130T090000',
      '19980227T090000',
    ]);
  });
  it('the third instance of Tue/Wed/Thu (BYSETPOS=3)', () => {
    expect(expand('FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3', '19970904T090000')).to.deep.equal([
      '19970904T090000',
      '19971007T090000',
      '19971106T090000',
    ]);
  });
  it('WKST changes the result (WKST=MO vs WKST=SU)', () => {
    expect(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', '19970805T090000')).to.deep.equal([
      '19970805T090000',
      '19970810T090000',
      '19970819T090000',
      '19970824T090000',
    ]);
    expect(expand('FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', '19970805T090000')).to.deep.equal([
      '19970805T090000',
      '19970817T090000',
      '19970819T090000',
      '19970831T090000',
    ]);
  });
  it('every Friday the 13th (BYDAY limited by BYMONTHDAY)', () => {
    expect(expand('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=4', '19980213T090000')).to.deep.equal([
      '19980213T090000',
      '19980313T090000',
      '19981113T090000',
      '19990813T090000',
    ]);
  });
  it('US presidential election day (YEARLY, BYMONTH + BYMONTHDAY + BYDAY)', () => {
    expect(
      expand('FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8;COUNT=3', '19961105T090000'),
    ).to.deep.equal(['19961105T090000', '20001107T090000', '20041102T090000']);
  });
  it('Monday of week 20 (BYWEEKNO)', () => {
    expect(expand('FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO;COUNT=3', '19970512T090000')).to.deep.equal([
      '19970512T090000',
      '19980511T090000',
      '19990517T090000',
    ]);
  });
  it('every 3rd year on the 1st, 100th and 200th day (BYYEARDAY)', () => {
    expect(expand('FREQ=YEARLY;INTERVAL=3;COUNT=6;BYYEARDAY=1,100,200', '19970101T090000')).to.deep.equal([
      '19970101T090000',
      '19970410T090000',
      '19970719T090000',
      '20000101T090000',
      '20000409T090000',
      '20000718T090000',
    ]);
  });
  it('every 20 minutes from 9:00 to 16:40 (DAILY with BYHOUR and BYMINUTE)', () => {
    const got = expand(
      'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
      '19970902T090000',
      '1997-09-03T00:00:00Z',
    );
    expect(got).to.have.length(24);
    expect(got.slice(0, 4)).to.deep.equal(['19970902T090000', '19970902T092000', '19970902T094000', '19970902T100000']);
    expect(got.at(-1)).to.equal('19970902T164000');
  });
  it('UNTIL is inclusive', () => {
    expect(expand('FREQ=DAILY;UNTIL=19970904T090000', '19970902T090000')).to.deep.equal([
      '19970902T090000',
      '19970903T090000',
      '19970904T090000',
    ]);
  });
  it('a 31st that most months lack is skipped, not moved', () => {
    expect(expand('FREQ=MONTHLY;COUNT=4', '20260131T100000')).to.deep.equal([
      '20260131T100000',
      '20260331T100000',
      '20260531T100000',
      '20260731T100000',
    ]);
  });
  it('a DTSTART the rule does not produce is not an instance and does not count', () => {
    // 1997-09-02 is a Tuesday; the rule produces Fridays the 13th (libical and dateutil agree).
    expect(expand('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=2', '19970902T090000')).to.deep.equal([
      '19980213T090000',
      '19980313T090000',
    ]);
  });
  it('all-day (DATE) series expand by date', () => {
    expect(expand('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=4', '20261102')).to.deep.equal([
      '20261102',
      '20261104',
      '20261109',
      '20261111',
    ]);
  });
});

describe('expandRule: cost follows the window, not the series age', () => {
  const rule = validateRule(recurPartsFromText('FREQ=DAILY'), undefined, () => undefined);
  const dtstart = Date.UTC(2012, 0, 2, 9, 30);
  it('a daily series from 2012 yields today with a budget of 5 periods', () => {
    const from = Date.UTC(2026, 10, 22);
    const result = expandRule(rule, {
      dtstart,
      isDate: false,
      from,
      to: from + 86_400_000,
      until: undefined,
      maxPeriods: 5,
    });
    expect(result.truncated).to.equal(false);
    expect(result.instances).to.deep.equal([Date.UTC(2026, 10, 22, 9, 30)]);
  });
  it('with COUNT the rule is counted from DTSTART (the bound is reported when hit)', () => {
    const counted = validateRule(recurPartsFromText('FREQ=DAILY;COUNT=100000'), undefined, () => undefined);
    const from = Date.UTC(2026, 10, 22);
    const result = expandRule(counted, {
      dtstart,
      isDate: false,
      from,
      to: from + 86_400_000,
      until: undefined,
      maxPeriods: 5,
    });
    expect(result.truncated).to.equal(true);
    const full = expandRule(counted, { dtstart, isDate: false, from, to: from + 86_400_000, until: undefined });
    expect(full.instances).to.deep.equal([Date.UTC(2026, 10, 22, 9, 30)]);
  });
  it('a biweekly series keeps its phase after jumping to the window', () => {
    const biweekly = validateRule(recurPartsFromText('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH'), undefined, () => undefined);
    const start = Date.UTC(2012, 0, 3, 9); // Tuesday 2012-01-03
    const from = Date.UTC(2026, 10, 22);
    const jumped = expandRule(biweekly, {
      dtstart: start,
      isDate: false,
      from,
      to: from + 28 * 86_400_000,
      until: undefined,
      maxPeriods: 10,
    });
    const walked = expandRule(biweekly, {
      dtstart: start,
      isDate: false,
      from: start,
      to: from + 28 * 86_400_000,
      until: undefined,
    }).instances.filter((w) => w >= from);
    expect(jumped.instances).to.deep.equal(walked);
    expect(jumped.instances).to.have.length(4);
  });
});

describe('validateRule', () => {
  const read = (): undefined => undefined;
  it('rejects what cannot be guessed', () => {
    expect(() => validateRule(recurPartsFromText('FREQ=FORTNIGHTLY'), undefined, read)).to.throw(/FREQ/);
    expect(() => validateRule(recurPartsFromText('FREQ=MONTHLY;BYMONTHDAY=32'), undefined, read)).to.throw(
      /BYMONTHDAY/,
    );
    expect(() => validateRule(recurPartsFromText('FREQ=WEEKLY;BYDAY=XX'), undefined, read)).to.throw(/BYDAY/);
    expect(() => validateRule(recurPartsFromText('FREQ=WEEKLY;UNTIL=garbage'), undefined, read)).to.throw(/UNTIL/);
    expect(() => validateRule(recurPartsFromText('FREQ=WEEKLY;UNTL=20200101'), undefined, read)).to.throw(/UNTL/);
  });
  it('ignores a COUNT or INTERVAL below 1', () => {
    const rule = validateRule(recurPartsFromText('FREQ=DAILY;COUNT=-1;INTERVAL=0'), undefined, read);
    expect(rule.count).to.equal(undefined);
    expect(rule.interval).to.equal(1);
  });
});

describe('RRULE in a feed (rrule-variety.ics, checked against the reference oracle)', () => {
  it('UNTIL in UTC, as a DATE and as local time are each inclusive', async () => {
    const cal = await fixture('rrule-variety.ics');
    expect(rowsOf(cal, 'until-utc@test', '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.deep.equal([
      '2026-11-02T09:00:00Z 2026-11-02T10:00:00Z',
      '2026-11-09T09:00:00Z 2026-11-09T10:00:00Z',
      '2026-11-16T09:00:00Z 2026-11-16T10:00:00Z',
    ]);
    // UNTIL=20261117 (a DATE on a timed series) includes that day.
    expect(rowsOf(cal, 'until-date@test', '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')).to.have.length(3);
    expect(rowsOf(cal, 'until-floating@test', '2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z').at(-1)).to.equal(
      '2026-11-18T09:00:00Z 2026-11-18T10:00:00Z',
    );
  });
  it('a daily series keeps 08:00 Berlin across the October DST change', async () => {
    const cal = await fixture('rrule-variety.ics');
    const got = rowsOf(cal, 'daily-count@test', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z');
    expect(got).to.have.length(10);
    expect(got[4]).to.equal('2026-10-24T06:00:00Z 2026-10-24T06:15:00Z'); // CEST
    expect(got[5]).to.equal('2026-10-25T07:00:00Z 2026-10-25T07:15:00Z'); // CET
  });
  it('third Tuesday, last Friday, last day, last workday of the month', async () => {
    const cal = await fixture('rrule-variety.ics');
    const window = ['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z'] as const;
    expect(rowsOf(cal, 'third-tuesday@test', ...window)).to.deep.equal(['2026-11-17T10:00:00Z 2026-11-17T11:00:00Z']);
    expect(rowsOf(cal, 'last-friday@test', ...window)).to.deep.equal(['2026-11-27T16:00:00Z 2026-11-27T17:00:00Z']);
    expect(rowsOf(cal, 'last-day@test', ...window)).to.deep.equal(['2026-11-30T08:00:00Z 2026-11-30T08:30:00Z']);
    expect(rowsOf(cal, 'last-workday@test', ...window)).to.deep.equal(['2026-11-30T15:00:00Z 2026-11-30T16:00:00Z']);
  });
  it('WKST in a feed, with a DTSTART outside the rule', async () => {
    const cal = await fixture('rrule-variety.ics');
    const window = ['2026-08-01T00:00:00Z', '2026-10-01T00:00:00Z'] as const;
    expect(rowsOf(cal, 'wkst-mo@test', ...window).map((r) => r.slice(0, 10))).to.deep.equal([
      '2026-08-11',
      '2026-08-16',
      '2026-08-25',
      '2026-08-30',
    ]);
    expect(rowsOf(cal, 'wkst-su@test', ...window).map((r) => r.slice(0, 10))).to.deep.equal([
      '2026-08-11',
      '2026-08-23',
      '2026-08-25',
      '2026-09-06',
    ]);
  });
});
