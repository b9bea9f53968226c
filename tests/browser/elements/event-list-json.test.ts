/**
 * The JSON-snapshot path must not load ical.js (it is imported only when an ICS source needs
 * it). This file runs in its own page, so the resources it loads are only its own.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/event-list/define.js';

function loadedScripts(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

describe('<otel-event-list> JSON source', () => {
  it('renders the snapshot without loading ical.js or the ICS parser', async () => {
    const el = document.createElement('otel-event-list');
    el.now = Date.parse('2026-11-16T12:00:00Z');
    el.setAttribute('src', '/tests/fixtures/overrides.snapshot.json');
    el.setAttribute('timezone', 'UTC');
    const loaded = new Promise((resolve) => el.addEventListener('otel-load', resolve, { once: true }));
    document.body.append(el);
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot?.querySelectorAll('[part~="event"]').length).to.equal(10);
    const scripts = loadedScripts();
    expect(scripts.some((name) => name.includes('/calendar/expand.ts'))).to.equal(true);
    expect(scripts.filter((name) => name.includes('ical.js') || name.includes('/calendar/parse.ts'))).to.deep.equal([]);
    el.remove();
  });
});
