/* global document */
// The floor: plain DOM rendering the same occurrences from pre-parsed JSON (the CLI's `list
// --format json` output for the window), one <li part="event"> per occurrence, grouped by day.
// No framework, no parsing beyond JSON.parse, no expansion: what any renderer must at least pay.

/** @typedef {{ title: string, start: string, end: string, allDay: boolean, status: string, location: string | null, joinUrl: string | null }} Row */

const list = document.getElementById('events');
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

/**
 * @param {string} value a UTC instant or an all-day date
 * @returns {Date}
 */
function dateOf(value) {
  return value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
}

/** @param {Row[]} rows */
function render(rows) {
  if (!list) return;
  const fragment = document.createDocumentFragment();
  let currentDay = '';
  for (const row of rows) {
    const start = dateOf(row.start);
    const dayLabel = day.format(start);
    if (dayLabel !== currentDay) {
      currentDay = dayLabel;
      const heading = document.createElement('li');
      heading.className = 'day';
      heading.textContent = dayLabel;
      fragment.append(heading);
    }
    const item = document.createElement('li');
    item.setAttribute('part', 'event');
    const when = document.createElement('time');
    when.dateTime = row.start;
    when.textContent = row.allDay ? 'All day' : `${time.format(start)}–${time.format(dateOf(row.end))}`;
    const title = document.createElement('span');
    title.textContent = row.status === 'CANCELLED' ? `${row.title} (cancelled)` : row.title;
    item.append(when, ' ', title);
    if (row.joinUrl && /^https?:/i.test(row.joinUrl)) {
      const link = document.createElement('a');
      link.href = row.joinUrl;
      link.rel = 'noopener noreferrer';
      link.textContent = 'Join';
      item.append(' ', link);
    }
    fragment.append(item);
  }
  list.append(fragment);
}

if (list?.dataset.src) {
  fetch(list.dataset.src)
    .then((response) => response.json())
    .then((rows) => render(/** @type {Row[]} */ (rows)))
    .catch((error) => console.error(error));
}
