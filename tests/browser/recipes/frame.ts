/** Loads a recipe page in an iframe of the test page and waits for what its elements render. */

/**
 * Loads `url` in a new iframe (wide enough for the desktop layout) and resolves with it once loaded.
 * `sandbox`: the iframe's sandbox flags (`allow-same-origin` alone: the page runs no script).
 */
export async function loadFrame(url: string, options: { sandbox?: string } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  if (options.sandbox !== undefined) frame.setAttribute('sandbox', options.sandbox);
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
  });
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/**
 * Loads a page's HTML, changed by the test, in a new iframe: same-origin (srcdoc), its relative
 * URLs resolved as at `address` (a `<base>` first in its head).
 */
export async function loadFrameHtml(html: string, address: string): Promise<HTMLIFrameElement> {
  const frame = await loadFrame('data:,');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html.replace(/<head>/i, `<head><base href="${address}">`);
  await loaded;
  return frame;
}

/** The frame's document (same origin). */
export function frameDocument(frame: HTMLIFrameElement): Document {
  const doc = frame.contentDocument;
  if (!doc) throw new Error('the recipe page is not same-origin');
  return doc;
}

/**
 * Polls until `find` returns a non-empty list, or fails after `timeout` ms with `what`.
 * (The elements upgrade when the page's module script and their lazy chunks have loaded.)
 */
export async function waitFor<T>(what: string, find: () => readonly T[], timeout = 8000): Promise<readonly T[]> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const found = find();
    if (found.length > 0) return found;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Elements with a given part inside an element's shadow root. */
export function shadowParts(host: Element | null | undefined, part: string): HTMLElement[] {
  return Array.from(host?.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${part}"]`) ?? []);
}

/** The occurrences an `<otel-event-list>` shows (its loading skeleton rows are `event` parts too). */
export function renderedEvents(list: Element | null | undefined): HTMLElement[] {
  return shadowParts(list, 'event').filter((el) => !el.matches('[part~="skeleton"]'));
}
