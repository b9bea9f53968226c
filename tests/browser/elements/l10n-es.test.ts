/** Spanish: the event list's dates and every state, read from the lazily loaded catalog. */
import { expect } from '@open-wc/testing';
import { clearCalendarCache } from '../../../src/calendar/fetch.js';
import '../../../src/elements/event-list/define.js';
import type { OtelEventList } from '../../../src/elements/event-list/event-list.js';
import { loadMessages } from '../../../src/elements/i18n/messages/index.js';
import { mount, parts } from '../harness.js';

await loadMessages('es');

async function mountEs(attributes: Record<string, string>, now: number): Promise<OtelEventList> {
  const { el, done } = mount('otel-event-list', { lang: 'es', ...attributes }, now);
  await done;
  await el.updateComplete;
  return el;
}

afterEach(() => {
  clearCalendarCache();
  for (const el of document.querySelectorAll('otel-event-list')) el.remove();
});

describe('<otel-event-list lang="es">', () => {
  it('loaded: Spanish headings, texts and announcement', async () => {
    const el = await mountEs(
      { src: '/tests/fixtures/overrides.ics', timezone: 'UTC' },
      Date.parse('2026-11-16T12:00:00Z'),
    );
    expect(parts(el, 'group-heading')[0]?.textContent?.toLowerCase()).to.contain('miércoles');
    expect(el.shadowRoot?.querySelector('[role="status"]')?.textContent).to.equal('10 próximos eventos cargados.');
    expect(parts(el, 'add-to-calendar')[0]?.querySelector('summary')?.textContent).to.equal('Añadir al calendario');
  });

  it('empty and error states in Spanish', async () => {
    const empty = await mountEs(
      { src: '/tests/fixtures/dates.ics', timezone: 'UTC', days: '5' },
      Date.parse('2027-02-02T00:00:00Z'),
    );
    expect(parts(empty, 'empty')[0]?.textContent).to.contain('No hay eventos en los próximos 5 días.');
    const failed = await mountEs({ src: '/tests/fixtures/missing.ics' }, Date.parse('2026-11-16T12:00:00Z'));
    expect(parts(failed, 'error')[0]?.textContent).to.contain('No se encontró el calendario (HTTP 404).');
    expect(parts(failed, 'retry')[0]?.textContent).to.equal('Reintentar');
  });
});
