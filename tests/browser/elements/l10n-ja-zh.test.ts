/**
 * The Japanese and Simplified Chinese catalogs: cadence sentences, locale fallback (`zh-CN` finds
 * `zh-cn`; Traditional Chinese does not get Simplified), and the elements rendered in both.
 *
 * The catalogs are registered directly (not through catalogs.ts), before any element mounts.
 */
import { expect } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import { intlZone } from '../../../src/calendar/zones/intl-zone.js';
import '../../../src/elements/discussion-card/define.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { describeCadence } from '../../../src/elements/i18n/cadence.js';
import { resolveLocale } from '../../../src/elements/i18n/locale.js';
import { en } from '../../../src/elements/i18n/messages/en.js';
import { hasCatalog, message, registerMessages, type MessageKey } from '../../../src/elements/i18n/messages/index.js';
import { messages as ja } from '../../../src/elements/i18n/messages/ja.js';
import { messages as zhCn } from '../../../src/elements/i18n/messages/zh-cn.js';
import { BERLIN, mount, parts, rule, wall } from '../harness.js';

registerMessages('ja', ja);
registerMessages('zh-cn', zhCn);

/** The instant of a Berlin wall time. */
function berlin(text: string): number {
  const zone = intlZone(BERLIN);
  if (!zone) throw new Error(`no zone ${BERLIN}`);
  return zone.toInstant(wall(text));
}

/** The time as Intl writes it in Berlin (what the sentence must end with). */
function intlTime(locale: string, at: number): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: BERLIN,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** Describes `rrule` with DTSTART `start` (Berlin wall time), `at` = that first occurrence. */
function cadence(rrule: string, start: string, locale: string): string | undefined {
  return describeCadence(rule(rrule), wall(start), BERLIN, locale, berlin(start));
}

interface Case {
  readonly rrule: string;
  readonly start: string;
  /** The sentence without its time; `{time}` marks where Intl's time goes. */
  readonly text: string;
}

function check(locale: string, cases: readonly Case[]): void {
  for (const c of cases) {
    it(`${c.rrule} from ${c.start}`, () => {
      const expected = c.text.replace('{time}', intlTime(locale, berlin(c.start)));
      expect(cadence(c.rrule, c.start, locale)).to.equal(expected);
    });
  }
}

/** Placeholder names of a template, without the optional `wd` (as in tests/node/messages.test.ts). */
function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)\s*(?:,|\})/g)].map((m) => m[1] ?? ''))]
    .filter((n) => n !== 'wd')
    .sort();
}

describe('Japanese and Simplified Chinese catalogs', () => {
  for (const [tag, catalog] of [
    ['ja', ja],
    ['zh-cn', zhCn],
  ] as const) {
    it(`${tag}: every key of English, with its placeholders`, () => {
      expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
      for (const key of Object.keys(en) as MessageKey[]) {
        expect(placeholders(catalog[key]), `${tag}.${key}`).to.deep.equal(placeholders(en[key]));
      }
    });

    it(`${tag}: labels start with the visible text they extend (WCAG 2.5.3)`, () => {
      expect(catalog.joinLabel.startsWith(catalog.join)).to.equal(true);
      expect(catalog.detailsLabel.startsWith(catalog.details)).to.equal(true);
      expect(catalog.addToCalendarLabel.startsWith(catalog.addToCalendar)).to.equal(true);
    });
  }

  it('fills placeholders; one plural form', () => {
    expect(message('ja', 'loaded', { count: 1 })).to.equal('今後のイベントを1件読み込みました。');
    expect(message('ja', 'empty', { days: 30 })).to.equal('今後30日間に予定されているイベントはありません。');
    expect(message('zh-CN', 'loaded', { count: 1 })).to.equal('已加载 1 个近期活动。');
    expect(message('zh-CN', 'empty', { days: 30 })).to.equal('未来 30 天内没有活动。');
    expect(message('ja', 'joinLabel', { title: 'SIG A' })).to.equal('参加：SIG A');
    expect(message('zh-CN', 'joinLabel', { title: 'SIG A' })).to.equal('加入：SIG A');
  });

  it('the Chatham House Rule in its established names', () => {
    expect(message('ja', 'chathamTitle')).to.equal('チャタムハウス・ルール');
    expect(message('ja', 'chathamRule')).to.contain('チャタムハウス・ルール');
    expect(message('zh-CN', 'chathamTitle')).to.equal('查塔姆研究所规则');
    expect(message('zh-CN', 'chathamRule')).to.contain('查塔姆研究所规则');
  });
});

describe('describeCadence in Japanese', () => {
  it('Intl writes the time as "11:00 GMT+1" (no "CET" in Japanese)', () => {
    expect(intlTime('ja', berlin('2024-01-16T11:00'))).to.equal('11:00 GMT+1');
  });

  check('ja', [
    { rrule: 'FREQ=MONTHLY;BYDAY=3TU', start: '2024-01-16T11:00', text: '毎月第3火曜日の{time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3', start: '2024-01-16T11:00', text: '毎月第3火曜日の{time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=+1MO', start: '2024-01-01T11:00', text: '毎月第1月曜日の{time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', start: '2024-01-26T11:00', text: '毎月最終金曜日の{time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=-2SU', start: '2024-01-21T11:00', text: '毎月最後から2番目の日曜日の{time}' },
    { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU', start: '2024-01-16T11:00', text: '2か月ごとの第3火曜日の{time}' },
    { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start: '2024-01-16T11:00', text: '毎週火曜日、木曜日の{time}' },
    { rrule: 'FREQ=WEEKLY', start: '2024-01-16T11:00', text: '毎週火曜日の{time}' },
    { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', start: '2024-01-16T11:00', text: '2週間ごとの火曜日の{time}' },
    { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '2024-01-15T11:00', text: '毎週月曜日から金曜日の{time}' },
    { rrule: 'FREQ=DAILY', start: '2024-01-15T11:00', text: '毎日{time}' },
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=21', start: '2024-01-21T11:00', text: '毎月21日の{time}' },
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', start: '2024-01-31T11:00', text: '毎月末日の{time}' },
    { rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26', start: '2024-01-16T11:00', text: '毎年6月26日の{time}' },
  ]);

  it('the whole sentence, as a reader sees it', () => {
    expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'ja')).to.equal('毎月第3火曜日の11:00 GMT+1');
    expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-07-16T11:00', 'ja-JP')).to.equal('毎月第3火曜日の11:00 GMT+2');
  });
});

describe('describeCadence in Simplified Chinese', () => {
  it('Intl writes the time as "GMT+1 11:00" (zone first, no "CET" in Chinese)', () => {
    expect(intlTime('zh-CN', berlin('2024-01-16T11:00'))).to.equal('GMT+1 11:00');
  });

  check('zh-CN', [
    { rrule: 'FREQ=MONTHLY;BYDAY=3TU', start: '2024-01-16T11:00', text: '每月第三个星期二 {time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=TU;BYSETPOS=3', start: '2024-01-16T11:00', text: '每月第三个星期二 {time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=+1MO', start: '2024-01-01T11:00', text: '每月第一个星期一 {time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=-1FR', start: '2024-01-26T11:00', text: '每月最后一个星期五 {time}' },
    { rrule: 'FREQ=MONTHLY;BYDAY=-2SU', start: '2024-01-21T11:00', text: '每月倒数第二个星期日 {time}' },
    { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=3TU', start: '2024-01-16T11:00', text: '每 2 个月的第三个星期二 {time}' },
    { rrule: 'FREQ=WEEKLY;BYDAY=TU,TH', start: '2024-01-16T11:00', text: '每周星期二和星期四 {time}' },
    { rrule: 'FREQ=WEEKLY;BYDAY=FR,MO,WE', start: '2024-01-15T11:00', text: '每周星期一、星期三和星期五 {time}' },
    { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', start: '2024-01-16T11:00', text: '每 2 周的星期二 {time}' },
    { rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', start: '2024-01-15T11:00', text: '每周一至周五 {time}' },
    { rrule: 'FREQ=DAILY', start: '2024-01-15T11:00', text: '每天 {time}' },
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=21', start: '2024-01-21T11:00', text: '每月 21 日 {time}' },
    { rrule: 'FREQ=MONTHLY;BYMONTHDAY=-1', start: '2024-01-31T11:00', text: '每月最后一天 {time}' },
    { rrule: 'FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=26', start: '2024-01-16T11:00', text: '每年 6月26日 {time}' },
  ]);

  it('the whole sentence, as a reader sees it', () => {
    expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'zh-CN')).to.equal('每月第三个星期二 GMT+1 11:00');
  });
});

describe('Chinese locale fallback', () => {
  function langOf(tag: string): string {
    const el = document.createElement('span');
    el.setAttribute('lang', tag);
    return resolveLocale(el);
  }

  it('resolveLocale canonicalizes case but keeps the script subtag', () => {
    expect(langOf('zh-CN')).to.equal('zh-CN');
    expect(langOf('zh-cn')).to.equal('zh-CN');
    expect(langOf('zh-hans-cn')).to.equal('zh-Hans-CN');
    expect(langOf('ja-jp')).to.equal('ja-JP');
    expect(Intl.getCanonicalLocales('zh-CN')).to.deep.equal(['zh-CN']);
  });

  it('zh-CN (any case) finds the zh-cn catalog; ja-JP finds ja', () => {
    for (const tag of ['zh-CN', 'zh-cn', 'ZH-CN']) {
      expect(hasCatalog(tag), tag).to.equal(true);
      expect(message(tag, 'retry'), tag).to.equal(zhCn.retry);
    }
    expect(message('ja-JP', 'retry')).to.equal(ja.retry);
  });

  it('Chinese goes by script: zh-Hans-CN, zh-Hans, zh-SG and bare zh reach zh-cn', () => {
    for (const tag of ['zh-Hans-CN', 'zh-Hans', 'zh-SG', 'zh']) {
      expect(hasCatalog(tag), tag).to.equal(true);
      expect(message(tag, 'retry'), tag).to.equal(zhCn.retry);
    }
  });

  it('Traditional Chinese never gets Simplified: zh-TW, zh-HK, zh-Hant-TW → English', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant-TW']) {
      expect(hasCatalog(tag), tag).to.equal(false);
      expect(message(tag, 'retry'), tag).to.equal(en.retry);
    }
    // The cadence is then wholly English (no Chinese weekday names in an English sentence).
    expect(cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'zh-TW')).to.equal(
      cadence('FREQ=MONTHLY;BYDAY=3TU', '2024-01-16T11:00', 'en'),
    );
  });
});

function text(el: Element | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const NOW = Date.parse('2026-11-16T12:00:00Z');
const realFetch = window.fetch;

afterEach(() => {
  window.fetch = realFetch;
  clearCalendarCache();
  for (const el of document.querySelectorAll('otel-event-list, otel-discussion-card')) el.remove();
});

/** Mounts an event list with `now` set first; resolves on otel-load or otel-error. */
async function eventList(attributes: Record<string, string>): Promise<{ el: OtelEventList; event: Event }> {
  const { el, done } = mount('otel-event-list', attributes, NOW);
  const event = await done;
  await el.updateComplete;
  return { el, event };
}

describe('<otel-event-list lang="ja">', () => {
  it('day headings, relative hints, buttons and the announcement in Japanese', async () => {
    const { el, event } = await eventList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'ja' });
    expect(event.type).to.equal('otel-load');
    const headings = parts(el, 'group-heading').map(text);
    const day = new Intl.DateTimeFormat('ja', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
    }).format(Date.UTC(2026, 10, 18));
    expect(day).to.equal('11月18日水曜日');
    expect(headings[0]).to.equal(day);
    expect(parts(el, 'relative')[0]?.textContent).to.equal('明後日');
    const summary = parts(el, 'add-to-calendar')[0]?.querySelector('summary');
    expect(text(summary ?? undefined)).to.equal('カレンダーに追加');
    expect(summary?.getAttribute('aria-label')).to.equal('カレンダーに追加：SIG A');
    expect(text(el.shadowRoot?.querySelector('[role="status"]') ?? undefined)).to.equal(
      '今後のイベントを10件読み込みました。',
    );
    expect(text(parts(el, 'footer')[0])).to.equal('このカレンダーを購読');
    await expect(el).to.be.accessible();
  });

  it('the empty state, with the next event beyond the horizon', async () => {
    const { el } = await eventList({ src: '/tests/fixtures/overrides.ics', timezone: 'UTC', lang: 'ja', days: '1' });
    const empty = text(parts(el, 'empty')[0]);
    expect(empty).to.contain('今後1日間に予定されているイベントはありません。');
    const next = new Intl.DateTimeFormat('ja', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(Date.parse('2026-11-18T17:00:00Z'));
    expect(next).to.equal('2026年11月18日水曜日 17:00');
    expect(empty).to.contain(`次回： SIG A — ${next}`);
  });

  it('the error state', async () => {
    const { el, event } = await eventList({ src: '/tests/fixtures/missing.ics', timezone: 'UTC', lang: 'ja' });
    expect(event.type).to.equal('otel-error');
    const error = parts(el, 'error')[0];
    expect(text(error?.querySelector('.title') ?? undefined)).to.equal('カレンダーを読み込めませんでした');
    expect(text(error)).to.contain('カレンダーが見つかりませんでした（HTTP 404）。');
    expect(text(parts(el, 'retry')[0])).to.equal('再試行');
    expect(text(error)).to.contain('カレンダーを開く');
  });
});

describe('<otel-discussion-card lang="zh-CN">', () => {
  it('shows the Chinese cadence and texts', async () => {
    const { el, done } = mount(
      'otel-discussion-card',
      {
        lang: 'zh-CN',
        rrule: 'FREQ=MONTHLY;BYDAY=3TU',
        dtstart: '2024-01-16T11:00',
        timezone: BERLIN,
        heading: '最终用户讨论组 — EMEA',
        region: 'EMEA',
      },
      Date.parse('2026-11-10T12:00:00Z'),
    );
    expect((await done).type).to.equal('otel-load');
    await el.updateComplete;
    // The zone name is the one in effect at the next session (17 November 2026: winter time).
    const time = intlTime('zh-CN', Date.parse('2026-11-17T10:00:00Z'));
    expect(parts(el, 'cadence')[0]?.textContent?.trim()).to.equal(`每月第三个星期二 ${time}`);
    expect(time).to.equal('GMT+1 11:00');
    expect(text(parts(el, 'sessions-heading')[0])).to.equal('近期会议');
    expect(text(parts(el, 'next-badge')[0])).to.equal('下次会议');
    expect(text(parts(el, 'region')[0])).to.contain('欧洲、中东和非洲');
    await expect(el).to.be.accessible();
  });
});
