/* global document */
// FullCalendar's list view of the same window, fed by the same ICS through its icalendar plugin.
// Reads its settings from the #calendar element's data attributes (set by build-pages.js).
import { Calendar } from '@fullcalendar/core';
import iCalendarPlugin from '@fullcalendar/icalendar';
import listPlugin from '@fullcalendar/list';

const host = document.getElementById('calendar');
if (host) {
  const calendar = new Calendar(host, {
    plugins: [listPlugin, iCalendarPlugin],
    initialView: 'list',
    initialDate: host.dataset.start,
    visibleRange: { start: host.dataset.start ?? '', end: host.dataset.end ?? '' },
    timeZone: 'local',
    events: { url: host.dataset.src ?? '', format: 'ics' },
  });
  calendar.render();
}
