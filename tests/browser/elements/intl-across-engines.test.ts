/**
 * What the browser engines' `Intl` writes differently, made to read the same by the elements.
 * The suite runs in Chromium, Firefox and WebKit; each test here failed in the engine it names
 * before the product handled the difference.
 *
 * Differences that come from the age of an engine's locale data (CLDR), not from the engine, are
 * not evened out: the elements show what the reader's browser writes for their language.
 */
import { expect } from '@open-wc/testing';
import type { Occurrence } from '../../../src/calendar/types.js';
import { describeWhen, formatDateTime } from '../../../src/elements/i18n/format.js';
import { occurrence } from '../calendar/helpers.js';

/** A timed occurrence, hosted in `timeZone`. */
function timed(start: string, end: string, timeZone?: string): Occurrence {
  return occurrence({ start: Date.parse(start), end: Date.parse(end), timeZone });
}

/** Languages whose own pattern writes the hour with two digits ("HH:mm"). */
const TWO_DIGIT_HOURS = ['en-GB', 'de', 'fr', 'pt', 'uk', 'zh-CN', 'ro'];

describe('Intl across engines: the hour has the digits of the locale\'s pattern (a plain time was "5:00" in Chromium and WebKit, "05:00" in Firefox)', () => {
  // 05:00–06:30 UTC; hosted in New York, where it is 00:00–01:30 (EST, November).
  const o = timed('2026-11-18T05:00:00Z', '2026-11-18T06:30:00Z', 'America/New_York');

  for (const locale of TWO_DIGIT_HOURS) {
    it(`${locale}: times, dated times, spans and the host's time all read 05:00`, () => {
      const when = describeWhen(o, locale, 'UTC');
      expect([when.start, when.end]).to.deep.equal(['05:00', '06:30']);
      expect(when.host).to.match(/(^|\D)00:00\D+01:30(\D|$)/);
      expect(describeWhen(o, locale, 'UTC', true).start).to.match(/(^|\D)05:00$/);
      expect(formatDateTime(o, locale, 'UTC')).to.match(/(^|\D)05:00(\D|$)/);
    });
  }

  it('es, ja: one digit, as their patterns have it', () => {
    for (const locale of ['es', 'ja']) {
      const when = describeWhen(o, locale, 'UTC');
      expect([when.start, when.end], locale).to.deep.equal(['5:00', '6:30']);
    }
    expect(describeWhen(o, 'es', 'UTC').host).to.match(/(^|\D)0:00\D+1:30(\D|$)/);
  });

  it('12-hour languages keep their own form', () => {
    expect(describeWhen(o, 'en-US', 'UTC').start).to.match(/^5:00\sAM$/);
  });
});
