/** How an element's settings become sources (data/sources/registry.ts and the source kinds). */
import { expect } from '@open-wc/testing';
import { inlineKind } from '../../../src/elements/data/sources/inline.js';
import { calendarKinds, sourcesFrom, sourcesKey } from '../../../src/elements/data/sources/registry.js';
import type { ReadSetting } from '../../../src/elements/data/types.js';

const BASE = 'https://site.example/events/';

function settings(values: Readonly<Record<string, string>>): ReadSetting {
  return (attribute) => values[attribute] ?? '';
}

describe('source kinds', () => {
  it('each URL of src by the first kind that claims it, made absolute against the page', () => {
    const sources = sourcesFrom(
      calendarKinds,
      settings({ src: ' community.ics  /snapshots/all.json?v=2 webcal://calendar.example/feed.ics ' }),
      BASE,
    );
    expect(sources.map((s) => s.key)).to.deep.equal([
      'ics:https://site.example/events/community.ics',
      'json:https://site.example/snapshots/all.json?v=2',
      'ics:https://calendar.example/feed.ics',
    ]);
    expect(sources.map((s) => s.kind)).to.deep.equal(['ics', 'json', 'ics']);
    // Links people can follow: the feed's own address for ICS (also to subscribe), the file for JSON.
    expect(sources[0]?.subscribeLink).to.equal('https://site.example/events/community.ics');
    expect(sources[1]?.subscribeLink).to.equal(undefined);
    expect(sources[2]?.calendarLink).to.equal('https://calendar.example/feed.ics');
    expect(sourcesKey(sources)).to.equal(sources.map((s) => s.key).join(' '));
  });

  it('a Google calendar by its id and key, with Google links; neither alone names one', () => {
    const [google] = sourcesFrom(
      calendarKinds,
      settings({ 'google-calendar-id': 'abc@group.calendar.google.com', 'google-api-key': 'k' }),
      BASE,
    );
    expect(google?.kind).to.equal('google');
    expect(google?.key).to.equal('google:abc@group.calendar.google.com');
    expect(google?.calendarLink).to.equal(
      'https://calendar.google.com/calendar/embed?src=abc%40group.calendar.google.com',
    );
    expect(sourcesFrom(calendarKinds, settings({ 'google-calendar-id': 'abc' }), BASE)).to.deep.equal([]);
  });

  it('an inline schedule when the element has no src, read at once without a fetch', () => {
    const kinds = [inlineKind, ...calendarKinds];
    const inline = { rrule: 'FREQ=WEEKLY;BYDAY=TU', dtstart: '2026-01-06T11:00', timezone: 'Europe/Berlin' };
    const [source] = sourcesFrom(kinds, settings(inline), BASE);
    expect(source?.kind).to.equal('inline');
    expect(source?.remote).to.equal(false);
    const data = source?.loadNow?.({
      from: Date.parse('2026-11-16T00:00:00Z'),
      to: Date.parse('2026-11-30T00:00:00Z'),
      timeZone: 'UTC',
    });
    // Tuesdays 17 and 24 November, 11:00 in Berlin (CET) = 10:00 UTC.
    expect(data?.occurrences.map((o) => new Date(o.start).toISOString())).to.deep.equal([
      '2026-11-17T10:00:00.000Z',
      '2026-11-24T10:00:00.000Z',
    ]);
    expect(sourcesFrom(kinds, settings({ ...inline, src: 'a.ics' }), BASE).map((s) => s.kind)).to.deep.equal(['ics']);
    // Part of a schedule is a setting that cannot be used: it loads as an error saying so.
    const [partial] = sourcesFrom(kinds, settings({ rrule: 'FREQ=WEEKLY' }), BASE);
    expect(() => partial?.loadNow?.({ from: 0, to: 1, timeZone: 'UTC' })).to.throw(/rrule, dtstart and timezone/);
  });
});
