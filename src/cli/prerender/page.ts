/**
 * Prerendering one built HTML page: every `<otel-event-list>`, `<otel-discussion-card>` and
 * `<chatham-notice>` in it gets its shadow root as declarative shadow DOM, rendered by the element
 * itself (render-element.ts) with its calendar read at build time. Only those spots of the file
 * change; an element rendered by an earlier run has that render replaced, never nested, so a
 * second run leaves the same bytes. An element whose data cannot be read is left as it was, with a
 * warning.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { CalendarError } from '../../calendar/errors.js';
import { fetchCalendarText, primeCalendarText } from '../../calendar/fetch.js';
import { decodeCalendarText } from '../../calendar/text-decoding.js';
import type { OtelCalendarElement } from '../../elements/calendar-element.js';
import {
  loadWindowAround,
  type CalendarDataController,
  type CalendarDataOptions,
} from '../../elements/data/controller.js';
import { loadAll } from '../../elements/data/load.js';
import type { Loaded } from '../../elements/data/types.js';
import { loadMessages } from '../../elements/i18n/messages/index.js';
import { pageWithStyleHashes, styleHash, styleTexts } from './csp.js';
import { embeddedData } from './embed.js';
import type { ElementJob, LightNode } from './render-element.js';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

/** The project's elements, as pages use them. */
export const PRERENDERED_TAGS: readonly string[] = ['otel-event-list', 'otel-discussion-card', 'chatham-notice'];

/**
 * The origin a page's URLs are resolved against while rendering (`/x.json`, `x.json`): files under
 * the root. What the rendered markup links to there is written back as a root-relative URL.
 */
const BUILD_ORIGIN = 'https://prerender.otel-community-widgets.invalid';

export interface PageOptions {
  /** The site's root folder: where `/x.json` is read from. */
  readonly root: string;
  readonly now: number;
  /** The zone times are shown in, when the element names none. */
  readonly timeZone: string;
  /** The language, when neither the element nor an ancestor has `lang`. */
  readonly lang: string;
  /** Milliseconds a download may take. */
  readonly timeout: number;
}

export interface PageResult {
  readonly html: string;
  readonly rendered: number;
  /** One line per element left as it was: which, and why. */
  readonly warnings: readonly string[];
  /** The CSP source expressions of the styles written (csp.ts), sorted. */
  readonly styleHashes: readonly string[];
}

/** What this build step reaches of a calendar element: its data and the options it gives it (both protected). */
interface BuildAccess {
  readonly data: CalendarDataController;
  dataOptions(): CalendarDataOptions;
}

function attribute(el: P5Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function isShadowTemplate(node: P5Node): boolean {
  return node.nodeName === 'template' && 'attrs' in node && node.attrs.some((a) => a.name === 'shadowrootmode');
}

/** The project's elements in a page, outermost only, each with the language it inherits. */
function findElements(node: P5Node, lang: string, found: { el: P5Element; lang: string }[]): void {
  if (!('childNodes' in node)) return;
  for (const child of node.childNodes) {
    if (!('tagName' in child)) continue;
    const own = attribute(child, 'lang') || lang;
    if (PRERENDERED_TAGS.includes(child.tagName)) {
      found.push({ el: child, lang: own });
      continue;
    }
    findElements(child, own, found);
    if ('content' in child && !isShadowTemplate(child)) findElements(child.content, own, found);
  }
}

/** An element's light DOM as the rendering sees it (its children but a previous render). */
function lightDom(el: P5Element): LightNode[] {
  const nodes: LightNode[] = [];
  for (const child of el.childNodes) {
    if (isShadowTemplate(child)) continue;
    if ('tagName' in child) {
      nodes.push({ kind: 'element', attributes: new Map(child.attrs.map((a) => [a.name, a.value])), text: '' });
    } else if (child.nodeName === '#text' && 'value' in child) {
      nodes.push({ kind: 'text', attributes: new Map(), text: child.value });
    }
  }
  return nodes;
}

/** `<tag src="…">`, for warnings. */
function describe(el: P5Element): string {
  const src = attribute(el, 'src');
  return `<${el.tagName}${src ? ` src="${src}"` : ''}>`;
}

/**
 * Makes the calendars an element's `src` names readable by the element while rendering: files of
 * the site (root-relative or page-relative URLs) are read and downloads made here, with the build's
 * timeout, and handed to the page's shared requests. Throws a CalendarError saying which failed.
 */
async function provideCalendars(src: string, base: string, options: PageOptions): Promise<void> {
  for (const written of src.split(/\s+/).filter(Boolean)) {
    const url = new URL(written, base);
    if (url.origin === BUILD_ORIGIN) {
      const file = join(options.root, ...decodeURIComponent(url.pathname).split('/'));
      if (!resolve(file).startsWith(resolve(options.root) + sep)) {
        throw new CalendarError('not-calendar', `${written} is outside the site's root`);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch {
        const near = relative(process.cwd(), file);
        throw new CalendarError('http', `${written}: no file ${near.startsWith('..') ? file : near} (check --root)`, {
          status: 404,
        });
      }
      primeCalendarText(url.href, decodeCalendarText(bytes));
    } else if (url.protocol === 'https:' || url.protocol === 'http:') {
      primeCalendarText(url.href, await fetchCalendarText(url.href, { timeout: options.timeout, maxAge: 0 }));
    }
  }
}

/** Loads a calendar element's data as it would load it at `now`, for its window and zone. */
async function loadData(
  element: OtelCalendarElement,
  timeout: number,
): Promise<{ loaded: Loaded; embedded: string | undefined }> {
  const build = element as unknown as BuildAccess;
  const options = build.dataOptions();
  const now = build.data.now();
  const sources = build.data.sources;
  if (sources.length === 0) throw new CalendarError('not-calendar', 'no calendar is configured (src or a schedule)');
  const window = loadWindowAround(options.window(now), options.lookahead, options.timeZone());
  const { loaded } = await loadAll(sources, { ...window, timeout, cache: 'none', now }, undefined);
  const failed = loaded.errors[0];
  if (failed) throw failed;
  const shown = options.shown(loaded);
  const next = sources.some((s) => s.remote) ? build.data.view(loaded).next : undefined;
  const embedded = sources.some((s) => s.remote)
    ? embeddedData(loaded, next ? [...shown.occurrences, next] : shown.occurrences, now)
    : undefined;
  return { loaded, embedded };
}

/** Replaces the build origin by root-relative URLs in rendered markup. */
function rootRelative(markup: string): string {
  return markup.replaceAll(BUILD_ORIGIN, '');
}

/**
 * Renders the elements of one page (`file`, under `options.root`); returns the new HTML and what
 * was left as it was.
 */
export async function prerenderPage(file: string, html: string, options: PageOptions): Promise<PageResult> {
  const { renderElement } = await import('./render-element.js');
  const page = relative(options.root, file).split(sep).join('/');
  const base = `${BUILD_ORIGIN}/${page}`;
  Object.defineProperty(document, 'baseURI', { value: base, configurable: true });
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const found: { el: P5Element; lang: string }[] = [];
  findElements(doc, options.lang, found);
  const edits: { start: number; end: number; text: string }[] = [];
  const warnings: string[] = [];
  for (const { el, lang } of found) {
    const attributes = new Map(el.attrs.map((a) => [a.name, a.value]));
    attributes.set('lang', lang);
    // Times at build time are in the element's zone, else the build's (always named).
    if (el.tagName === 'otel-event-list' && !attributes.get('timezone')) attributes.set('timezone', options.timeZone);
    if (el.tagName === 'otel-discussion-card' && !attributes.get('display-timezone'))
      attributes.set('display-timezone', options.timeZone);
    const job: ElementJob & { prepare?: (element: HTMLElement) => void } = {
      tag: el.tagName,
      attributes,
      now: options.now,
      lang,
      light: lightDom(el),
    };
    let embedded: string | undefined;
    try {
      await loadMessages(lang);
      if (el.tagName !== 'chatham-notice') {
        await provideCalendars(attributes.get('src') ?? '', base, options);
        const Element = customElements.get(el.tagName);
        if (!Element) throw new Error(`<${el.tagName}> is not defined`);
        const probe = new Element() as OtelCalendarElement;
        for (const [name, value] of attributes) probe.attributeChangedCallback(name, null, value);
        probe.now = options.now;
        const data = await loadData(probe, options.timeout);
        embedded = data.embedded;
        job.prepare = (element) => (element as unknown as BuildAccess).data.seed(() => data.loaded.data, options.now);
      }
      let shadow = rootRelative(await renderElement(job));
      if (embedded) {
        const at = shadow.lastIndexOf('</template>');
        shadow = `${shadow.slice(0, at)}<script type="application/json" data-otel-prerender>${embedded}</script>${shadow.slice(at)}`;
      }
      const previous = el.childNodes.find(isShadowTemplate)?.sourceCodeLocation;
      const start = previous?.startOffset ?? el.sourceCodeLocation?.startTag?.endOffset;
      if (start === undefined) throw new Error('no position in the page');
      edits.push({ start, end: previous?.endOffset ?? start, text: shadow });
    } catch (error) {
      warnings.push(`${describe(el)} left as it was: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let out = html;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const styleHashes = [...new Set(edits.flatMap((edit) => styleTexts(edit.text).map(styleHash)))].sort();
  return { html: pageWithStyleHashes(out, styleHashes), rendered: edits.length, warnings, styleHashes };
}

/** The folder a page's root-relative URLs are read from by default: the page's own. */
export function defaultRoot(file: string): string {
  return dirname(resolve(file));
}
