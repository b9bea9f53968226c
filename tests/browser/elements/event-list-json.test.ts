/**
 * The JSON-snapshot path loads neither the ICS parser nor the recurrence engine, and the code for
 * descriptions and "Add to calendar" only when one is opened. This file runs in its own page, so
 * the resources it loads are only its own.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../src/elements/event-list/define.js';

function loadedScripts(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}

describe('<otel-event-list> JSON source', () => {
  it('renders the snapshot without loading the ICS parser, the expander, Google, exports or the sanitizer', async () => {
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
    expect(
      scripts.some((name) => name.includes('/calendar/json.ts')),
      'the snapshot reader is seen loading',
    ).to.equal(true);
    const notNeeded = [
      '/calendar/parse.ts',
      '/calendar/ics/',
      '/calendar/expand.ts',
      '/calendar/google.ts',
      '/calendar/export-links.ts',
      '/calendar/html.ts',
      '/shared/sanitize.ts',
    ];
    expect(scripts.filter((name) => notNeeded.some((path) => name.includes(path)))).to.deep.equal([]);
    // Opening a description loads the sanitizer, and only then.
    const details = el.shadowRoot?.querySelector<HTMLDetailsElement>('details[part="description"]');
    if (details) {
      details.open = true;
      await waitUntil(
        () => loadedScripts().some((name) => name.includes('/shared/sanitize.ts')),
        'the sanitizer loads when a description opens',
      );
    }
    el.remove();
  });
});
