/**
 * The demo page: `<otel-event-list>` on the bundled calendar. The page's toolbar sets the first
 * list's attributes (and keeps them in the address), a status line follows its `otel-load` /
 * `otel-error` events, and each list's markup is shown under it.
 *
 * Importing the define module registers the element; ical.js is loaded by the element on demand.
 */
import '../src/elements/event-list/define.js';
import '../src/elements/discussion-card/define.js';
import type { OtelEventList } from '../src/elements/event-list/event-list.js';
import { CalendarError } from '../src/calendar/errors.js';

/** Offered after the viewer's own zone. */
const ZONES = ['UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Sydney'];
const GROUPS = ['day', 'month', 'none'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  /** IANA zone; '' for the viewer's own (the element's default). */
  tz: string;
  filter: string;
  group: Group;
  cancelled: boolean;
}

function byId<T extends HTMLElement>(id: string, type: abstract new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The page lacks #${id}`);
  return element;
}

function list(id: string): OtelEventList {
  const element = document.getElementById(id);
  if (!element || element.localName !== 'otel-event-list')
    throw new Error(`The page lacks <otel-event-list id="${id}">`);
  return element as OtelEventList;
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const viewerZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

// ---------------------------------------------------------------------------------------------
// Options <-> address <-> attributes

function readUrl(): Options {
  const params = new URLSearchParams(location.search);
  const tz = params.get('tz') ?? '';
  const group = params.get('group') ?? '';
  return {
    tz: tz && tz !== viewerZone && isZone(tz) ? tz : '',
    filter: params.get('filter') ?? '',
    group: (GROUPS as readonly string[]).includes(group) ? (group as Group) : 'day',
    cancelled: params.get('cancelled') === '1',
  };
}

function writeUrl(options: Options): void {
  const url = new URL(location.href);
  const set = (name: string, value: string): void => {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  };
  set('tz', options.tz);
  set('filter', options.filter);
  set('group', options.group === 'day' ? '' : options.group);
  set('cancelled', options.cancelled ? '1' : '');
  history.replaceState(null, '', url);
}

/** Sets or removes an attribute; the element's defaults apply when it is absent. */
function attr(element: Element, name: string, value: string | boolean): void {
  if (value === false || value === '') element.removeAttribute(name);
  else element.setAttribute(name, value === true ? '' : value);
}

function apply(element: OtelEventList, options: Options): void {
  attr(element, 'timezone', options.tz);
  attr(element, 'filter', options.filter);
  attr(element, 'group-by', options.group === 'day' ? '' : options.group);
  attr(element, 'show-cancelled', options.cancelled);
}

function fillZones(select: HTMLSelectElement, selected: string): void {
  const zones = [viewerZone, ...ZONES.filter((z) => z !== viewerZone)];
  if (selected && !zones.includes(selected)) zones.push(selected);
  select.replaceChildren(
    ...zones.map((zone) => {
      const own = zone === viewerZone;
      const option = new Option(own ? `${zone} (your time zone)` : zone, own ? '' : zone);
      option.selected = own ? selected === '' : zone === selected;
      return option;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Markup snippets (shown as text)

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The element's markup as an author would write it: its attributes and light-DOM fallback. */
function elementMarkup(element: Element): string {
  const attributes = [...element.attributes].filter((a) => a.name !== 'id');
  const open =
    attributes.length <= 3
      ? `<${element.localName}${attributes.map((a) => ` ${a.name}${a.value === '' ? '' : `="${escapeAttribute(a.value)}"`}`).join('')}>`
      : `<${element.localName}\n${attributes.map((a) => `  ${a.name}${a.value === '' ? '' : `="${escapeAttribute(a.value)}"`}`).join('\n')}\n>`;
  const fallback = [...element.children].map((child) => `  ${child.outerHTML.replace(/\s*\n\s*/g, '')}`).join('\n');
  return `${open}\n${fallback}\n</${element.localName}>`;
}

/**
 * The rules of demo.css whose selector starts with `prefix`, exactly as written there (comment
 * included), so a snippet cannot drift from the CSS the page really uses. Top-level rules only.
 */
function rulesFromSource(css: string, prefix: string): string {
  const rules: string[] = [];
  for (const match of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    const text = match[0].trim();
    const selector = (match[1] ?? '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
    if (selector.startsWith(prefix)) rules.push(text);
  }
  return rules.join('\n\n');
}

let pageCss: Promise<string> | undefined;

/** The text of the page's stylesheet (from the HTTP cache: the page has just loaded it). */
function pageStylesheet(): Promise<string> {
  const href = document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')?.href;
  pageCss ??= href ? fetch(href).then((response) => (response.ok ? response.text() : '')) : Promise.resolve('');
  return pageCss;
}

function show(code: HTMLElement, text: string): void {
  code.textContent = text;
  code.closest('details')?.removeAttribute('hidden');
}

/** Writes the markup of the element a `<code data-snippet-for>` names (and its panel's CSS). */
async function showSnippet(code: HTMLElement): Promise<void> {
  const target = code.dataset['snippetFor'];
  const element = target ? document.getElementById(target) : null;
  if (!element) return;
  const markup = elementMarkup(element);
  const cssPrefix = code.dataset['snippetCss'];
  if (!cssPrefix) {
    show(code, markup);
    return;
  }
  // The panel's class (".theme-custom") wraps the element, as on this page.
  const wrapped = `<div class="${escapeAttribute(cssPrefix.slice(1))}">\n${markup.replace(/^/gm, '  ')}\n</div>`;
  const css = rulesFromSource(await pageStylesheet().catch(() => ''), cssPrefix);
  show(code, css ? `<style>\n${css}\n</style>\n\n${wrapped}` : wrapped);
}

function showSnippets(selector = 'code[data-snippet-for]'): void {
  for (const code of document.querySelectorAll<HTMLElement>(selector)) void showSnippet(code);
}

// ---------------------------------------------------------------------------------------------
// Status line for the first list

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describeError(error: Error): string {
  if (error instanceof CalendarError) {
    const status = error.status === undefined ? '' : ` ${error.status}`;
    return `The calendar could not be loaded (${error.code}${status}): ${error.message}`;
  }
  return `The calendar could not be loaded: ${error.message}`;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const upcoming = list('upcoming-list');
  const form = byId('toolbar', HTMLFormElement);
  const zone = byId('time-zone', HTMLSelectElement);
  const filter = byId('filter', HTMLInputElement);
  const group = byId('group-by', HTMLSelectElement);
  const cancelled = byId('show-cancelled', HTMLInputElement);
  const status = byId('status', HTMLElement);
  status.textContent = 'Loading the calendar…';
  form.hidden = false;

  // Runs before the element's first update (the element upgrades during this module's
  // evaluation and renders in a later microtask), so it loads once, with these options.
  const options = readUrl();
  apply(upcoming, options);
  fillZones(zone, options.tz);
  filter.value = options.filter;
  group.value = options.group;
  cancelled.checked = options.cancelled;

  upcoming.addEventListener('otel-load', (event) => {
    const zoneName = options.tz || `${viewerZone}, your time zone`;
    status.classList.remove('is-error');
    status.textContent = `${plural(event.count, 'event', 'events')} loaded (times in ${zoneName})${event.stale ? ' — a saved copy: the refresh failed' : ''}.`;
  });
  upcoming.addEventListener('otel-error', (event) => {
    status.classList.add('is-error');
    status.textContent = describeError(event.error);
  });

  const update = (): void => {
    options.tz = zone.value;
    options.filter = filter.value.trim();
    options.group = (GROUPS as readonly string[]).includes(group.value) ? (group.value as Group) : 'day';
    options.cancelled = cancelled.checked;
    apply(upcoming, options);
    writeUrl(options);
    showSnippets('code[data-snippet-for="upcoming-list"]');
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  // Enter in the filter box would submit the form (and the CSP forbids form submission).
  form.addEventListener('submit', (event) => event.preventDefault());

  showSnippets();
}

main();
