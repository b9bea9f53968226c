import type { Occurrence } from '../calendar/types.js';

export interface AgendaOptions {
  readonly timeZone: string;
  readonly calendarName: string | undefined;
  readonly from: number;
  readonly to: number;
  readonly locale?: string;
}

/** A readable agenda: one heading per day in `timeZone`, one line per occurrence. */
export function formatAgenda(occurrences: readonly Occurrence[], options: AgendaOptions): string {
  const { timeZone } = options;
  const locale = options.locale ?? 'en-GB';
  const dayFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const allDayFormat = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const range = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const lines: string[] = [];
  const title = options.calendarName ? `${options.calendarName} — ` : '';
  lines.push(`${title}${range.format(options.from)} to ${range.format(options.to)} (${timeZone})`);
  if (occurrences.length === 0) lines.push('', 'No events in this window.');
  let currentDay = '';
  for (const o of occurrences) {
    const day = dayFormat.format(o.start);
    if (day !== currentDay) {
      lines.push('', day);
      currentDay = day;
    }
    let when: string;
    if (o.allDay) {
      const days =
        o.startDate && o.endDate ? Math.round((Date.parse(o.endDate) - Date.parse(o.startDate)) / 86_400_000) : 1;
      when =
        days > 1 && o.endDate ? `all day, until ${allDayFormat.format(Date.parse(o.endDate) - 86_400_000)}` : 'all day';
    } else {
      when = o.end > o.start ? `${timeFormat.format(o.start)}–${timeFormat.format(o.end)}` : timeFormat.format(o.start);
      if (o.end - o.start >= 86_400_000) when += ` (until ${dayFormat.format(o.end)})`;
    }
    const parts = [`  ${when.padEnd(11)}  ${o.title || '(untitled)'}`];
    if (o.cancelled) parts.push('[CANCELLED]');
    if (o.timeZone && o.timeZone !== timeZone && !o.allDay) {
      const host = new Intl.DateTimeFormat(locale, {
        timeZone: o.timeZone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
      parts.push(`(${host.format(o.start)})`);
    }
    lines.push(parts.join(' '));
    if (o.location) lines.push(`               at ${o.location.replace(/\s+/g, ' ')}`);
    if (o.joinUrl && o.joinUrl !== o.location) lines.push(`               join ${o.joinUrl}`);
  }
  return `${lines.join('\n')}\n`;
}
