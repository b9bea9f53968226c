/**
 * The playground page: a form of `<otel-event-list>` options, a live preview (a new element for
 * each change, built with createElement/setAttribute) and the embed snippets, kept in step.
 */
import '../src/elements/event-list/define.js';
import { CATALOGS } from '../src/elements/i18n/messages/catalogs.js';
import {
  cdnSnippet,
  elementAttributes,
  GROUPS,
  type Group,
  hugoSnippet,
  npmSnippet,
  type PlaygroundOptions,
  SOURCE_KINDS,
  sourceHint,
  type SourceKind,
  themeProperties,
} from './playground-snippets.js';

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page lacks #${id}`);
  return element;
}

const form = byId('playground', HTMLFormElement);
const preview = byId('preview', HTMLElement);
const copyStatus = byId('copy-status', HTMLElement);
const input = (id: string): HTMLInputElement => byId(id, HTMLInputElement);
const select = (id: string): HTMLSelectElement => byId(id, HTMLSelectElement);

/** The version the snippets load from the CDN (written into the page by scripts/build-site.js). */
function packageVersion(): string {
  const content = document.querySelector<HTMLMetaElement>('meta[name="otel-widgets-version"]')?.content ?? '';
  return /^\d+\.\d+\.\d+/.test(content) ? content : 'latest';
}

function fillLanguages(element: HTMLSelectElement): void {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const tags = ['en', ...Object.keys(CATALOGS)].sort();
  element.replaceChildren(
    new Option("The page's language", ''),
    ...tags.map((tag) => new Option(`${names.of(tag) ?? tag} (${tag})`, tag === 'zh-cn' ? 'zh-CN' : tag)),
  );
}

function fillZones(element: HTMLSelectElement): void {
  const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  element.replaceChildren(
    new Option(`The viewer's (here: ${own})`, ''),
    ...Intl.supportedValuesOf('timeZone').map((zone) => new Option(zone, zone)),
  );
}

function numberOr(value: string, fallback: number): number {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function absoluteUrl(value: string): string {
  const trimmed = value.trim();
  // Empty, or a calendar id pasted in the URL field (sourceHint says so): left as typed.
  if (!trimmed || /^[^\s/:]+@[^\s/:]+$/.test(trimmed)) return trimmed;
  try {
    return new URL(trimmed, location.href).href;
  } catch {
    return trimmed;
  }
}

function readOptions(): PlaygroundOptions {
  const kind = select('source-kind').value;
  const group = select('group-by').value;
  return {
    source: (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : 'ics',
    src: absoluteUrl(input('src').value),
    googleCalendarId: input('google-calendar-id').value,
    googleApiKey: input('google-api-key').value,
    proxy: input('proxy').value,
    lang: select('lang').value,
    timezone: select('timezone').value,
    groupBy: (GROUPS as readonly string[]).includes(group) ? (group as Group) : 'day',
    days: numberOr(input('days').value, 30),
    limit: numberOr(input('limit').value, 10),
    filter: input('filter').value,
    headingLevel: numberOr(select('heading-level').value, 3),
    showCancelled: input('show-cancelled').checked,
    theme: input('theme-on').checked
      ? { accent: input('accent').value, radius: numberOr(input('radius').value, 0) }
      : undefined,
  };
}

/** Shows the fields of the chosen source kind only. */
function showSourceFields(kind: string): void {
  for (const control of form.querySelectorAll<HTMLElement>('[data-source]')) {
    control.hidden = !(control.dataset['source'] ?? '').split(' ').includes(kind);
  }
}

function renderPreview(options: PlaygroundOptions): void {
  const element = document.createElement('otel-event-list');
  for (const [name, value] of elementAttributes(options)) element.setAttribute(name, value);
  // CSSOM, not a style attribute: allowed under the page's CSP.
  for (const [name, value] of themeProperties(options.theme)) element.style.setProperty(name, value);
  preview.replaceChildren(element);
}

function renderSnippets(options: PlaygroundOptions): void {
  byId('snippet-cdn', HTMLElement).textContent = cdnSnippet(options, packageVersion());
  byId('snippet-npm', HTMLElement).textContent = npmSnippet(options);
  byId('snippet-hugo', HTMLElement).textContent = hugoSnippet(options);
}

function update(): void {
  showSourceFields(select('source-kind').value);
  const options = readOptions();
  byId('source-hint', HTMLElement).textContent = sourceHint(options) ?? '';
  renderSnippets(options);
  renderPreview(options);
}

/** The site's own calendar in each format: switching the source kind swaps one for the other. */
const DEMO_SOURCES: Readonly<Record<string, string>> = {
  ics: './calendar/community.ics',
  json: './calendar/community.json',
};

function swapDemoSource(kind: string): void {
  const src = input('src');
  const replacement = DEMO_SOURCES[kind];
  if (replacement && Object.values(DEMO_SOURCES).includes(src.value.trim())) src.value = replacement;
}

let pending: ReturnType<typeof setTimeout> | undefined;
/** Typing in a text field waits for a pause (each new URL is a new fetch); other controls apply at once. */
function scheduleUpdate(event: Event): void {
  clearTimeout(pending);
  if (event.type === 'change' && event.target === select('source-kind')) swapDemoSource(select('source-kind').value);
  const typing =
    event.type === 'input' &&
    event.target instanceof HTMLInputElement &&
    ['url', 'text', 'search'].includes(event.target.type);
  if (typing) pending = setTimeout(update, 400);
  else update();
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const target = document.getElementById(button.dataset['copy'] ?? '');
  const text = target?.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Copied.';
  } catch {
    // No clipboard permission: select the text so Ctrl+C / ⌘C copies it.
    if (target) getSelection()?.selectAllChildren(target);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

function main(): void {
  fillLanguages(select('lang'));
  fillZones(select('timezone'));
  form.addEventListener('input', scheduleUpdate);
  form.addEventListener('change', scheduleUpdate);
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.addEventListener('click', () => void copy(button));
  }
  update();
}

main();
