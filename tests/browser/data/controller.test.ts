/**
 * The calendar data controller, through the elements that use it: sources are asked for data only
 * when a load needs it (a minute's tick re-renders from what was loaded, expanding nothing), and a
 * view never reaches past the loaded window however far the clock moves (a new window is loaded
 * first). Loads are counted by wrapping the ICS and inline-schedule source kinds.
 */
import { expect } from '@open-wc/testing';
import type sinon from 'sinon';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import { forgetLoadedCalendars } from '../../../src/elements/data/load.js';
import { icsKind } from '../../../src/elements/data/sources/ics.js';
import { inlineKind } from '../../../src/elements/data/sources/inline.js';
import type { CalendarSource, SourceData, SourceKind } from '../../../src/elements/data/types.js';
import { DAY, MINUTE, fakeClock, mount, nextEvents, parts, setPageVisibility, titles } from '../harness.js';

const FEED = '/tests/fixtures/daily-and-monthly.ics';
/**
 * Tuesday 17 November 2026, 05:00 UTC: the monthly discussion (third Tuesday, 11:00 in Berlin) is
 * at 10:00 UTC today; the stand-up (09:30 in Berlin) at 08:30 UTC every day.
 */
const NOW = Date.parse('2026-11-17T05:00:00Z');

/** What the sources were asked for since the last reset. */
const asked = { loads: 0, nextAfter: 0 };

/** The data, with its look past the window counted. */
function countedData(data: SourceData): SourceData {
  const { nextAfter } = data;
  return nextAfter
    ? {
        ...data,
        nextAfter: (after, filter) => {
          asked.nextAfter++;
          return nextAfter.call(data, after, filter);
        },
      }
    : data;
}

/** A source whose loads are counted (synchronous ones too). */
function counted(source: CalendarSource): CalendarSource {
  const { loadNow } = source;
  return {
    ...source,
    load: async (request) => {
      asked.loads++;
      return countedData(await source.load(request));
    },
    loadNow: loadNow
      ? (window) => {
          asked.loads++;
          return countedData(loadNow.call(source, window));
        }
      : undefined,
  };
}

/** Wraps a kind's recognisers so every source it makes is counted; returns the undo. */
function countSources(kind: SourceKind): () => void {
  const { fromUrl, fromSettings } = kind;
  const target = kind as { -readonly [K in keyof SourceKind]: SourceKind[K] };
  if (fromUrl)
    target.fromUrl = (url) => {
      const source = fromUrl.call(kind, url);
      return source && counted(source);
    };
  if (fromSettings) target.fromSettings = (read) => fromSettings.call(kind, read).map(counted);
  return () => {
    target.fromUrl = fromUrl;
    target.fromSettings = fromSettings;
  };
}

describe('calendar data controller', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  const undo: Array<() => void> = [];

  beforeEach(() => {
    forgetLoadedCalendars({ persisted: true });
    asked.loads = 0;
    asked.nextAfter = 0;
    undo.push(countSources(icsKind), countSources(inlineKind), setPageVisibility('visible'));
    clock = fakeClock(NOW);
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
    clock?.restore();
    clock = undefined;
    for (const restore of undo.splice(0).reverse()) restore();
    forgetLoadedCalendars({ persisted: true });
  });

  /** The next `minutes` ticks of the page clock, each rendered. */
  async function tickMinutes(el: HTMLElement & { updateComplete: Promise<unknown> }, minutes: number): Promise<void> {
    for (let i = 0; i < minutes; i++) {
      await clock?.tickAsync(MINUTE);
      await el.updateComplete;
    }
  }

  for (const [name, attributes] of [
    ['from a feed', { src: FEED, match: 'Discussion' }],
    [
      'from an inline schedule',
      { rrule: 'FREQ=MONTHLY;BYDAY=3TU', dtstart: '2024-01-16T11:00', timezone: 'Europe/Berlin' },
    ],
  ] as const) {
    it(`a card's minute tick re-renders its times and asks its source for nothing (${name})`, async () => {
      const { el, done } = mount(
        'otel-discussion-card',
        { ...attributes, heading: 'Discussion group', 'display-timezone': 'UTC', lang: 'en', refresh: '0' },
        undefined,
      );
      await done;
      await el.updateComplete;
      const loads = asked.loads;
      expect(loads, 'loaded').to.be.greaterThan(0);
      const hint = (): string => parts(el, 'relative')[0]?.textContent ?? '';
      expect(hint()).to.equal('in 5 hours');
      // An hour of minute ticks: the next session comes closer.
      await tickMinutes(el, 60);
      expect(hint()).to.equal('in 4 hours');
      expect(asked.loads, 'loads during the ticks').to.equal(loads);
      expect(asked.nextAfter, 'looks past the window').to.equal(0);
    });
  }

  it('a list that moves on with the clock loads a new window before its view would leave the old one', async () => {
    const { el, done } = mount(
      'otel-event-list',
      { src: FEED, timezone: 'UTC', days: '7', limit: '50', refresh: '0', lang: 'en' },
      undefined,
    );
    await done;
    expect(asked.loads).to.equal(1);
    const lastDay = (): string => {
      const times = parts(el, 'event').map((li) => li.querySelector('time')?.getAttribute('datetime') ?? '');
      return times[times.length - 1]?.slice(0, 10) ?? '';
    };
    const standups = (): number => titles(el).filter((t) => t === 'Daily stand-up').length;
    expect(standups(), 'a week of stand-ups').to.equal(7);

    // 50 days later: inside the loaded window (the view and 90 days more), nothing is loaded.
    clock?.setSystemTime(NOW + 50 * DAY);
    await clock?.tickAsync(MINUTE);
    await el.updateComplete;
    expect(asked.loads, 'loads after 50 days').to.equal(1);
    expect(standups()).to.equal(7);
    // At 05:01 the day's stand-up (08:30 UTC) is still to come: the week starts that day.
    expect(lastDay()).to.equal(new Date(NOW + 56 * DAY).toISOString().slice(0, 10));

    // 100 days later the view would leave it: a new window is loaded, and the view is whole again.
    const loaded = nextEvents(el, 'otel-load');
    clock?.setSystemTime(NOW + 100 * DAY);
    await clock?.tickAsync(MINUTE);
    await loaded;
    await el.updateComplete;
    expect(asked.loads, 'loads after 100 days').to.equal(2);
    expect(standups()).to.equal(7);
    expect(lastDay()).to.equal(new Date(NOW + 106 * DAY).toISOString().slice(0, 10));
  });
});
