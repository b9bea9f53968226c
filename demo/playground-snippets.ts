/**
 * The playground's model: the options a site owner picks, the `<otel-event-list>` attributes they
 * become (defaults left out), and the embed snippets for a plain page (CDN script tag), a bundler
 * (npm import) and Hugo (the `otel-events` shortcode of examples/hugo). Pure functions: no DOM.
 */

export const SOURCE_KINDS = ['ics', 'google', 'json'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const GROUPS = ['day', 'month', 'none'] as const;
export type Group = (typeof GROUPS)[number];

export interface ThemeTokens {
  /** `--otel-color-accent`, a CSS colour. */
  readonly accent: string;
  /** `--otel-radius`, in px. */
  readonly radius: number;
}

export interface PlaygroundOptions {
  readonly source: SourceKind;
  /** ICS or JSON URL, absolute (snippets are pasted on other sites). */
  readonly src: string;
  readonly googleCalendarId: string;
  readonly googleApiKey: string;
  readonly proxy: string;
  /** BCP 47 tag; '' for the page's language. */
  readonly lang: string;
  /** IANA zone; '' for the viewer's. */
  readonly timezone: string;
  readonly groupBy: Group;
  readonly days: number;
  readonly limit: number;
  readonly filter: string;
  readonly headingLevel: number;
  readonly showCancelled: boolean;
  readonly theme: ThemeTokens | undefined;
}

/** The element's defaults (see its reference): attributes equal to them are left out. */
export const ELEMENT_DEFAULTS = { days: 30, limit: 10, groupBy: 'day', headingLevel: 3 } as const;

/** `<otel-event-list>` attributes for the options, in a stable order; '' is a boolean attribute. */
export function elementAttributes(options: PlaygroundOptions): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = [];
  const add = (name: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== '') out.push([name, String(value)]);
  };
  if (options.source === 'google') {
    add('google-calendar-id', options.googleCalendarId.trim());
    add('google-api-key', options.googleApiKey.trim());
  } else {
    add('src', options.src.trim());
    if (options.source === 'ics') add('proxy', options.proxy.trim());
  }
  add('lang', options.lang);
  add('timezone', options.timezone);
  if (options.days !== ELEMENT_DEFAULTS.days) add('days', options.days);
  if (options.limit !== ELEMENT_DEFAULTS.limit) add('limit', options.limit);
  add('filter', options.filter.trim());
  if (options.groupBy !== ELEMENT_DEFAULTS.groupBy) add('group-by', options.groupBy);
  if (options.headingLevel !== ELEMENT_DEFAULTS.headingLevel) add('heading-level', options.headingLevel);
  if (options.showCancelled) out.push(['show-cancelled', '']);
  return out;
}

/** The theme tokens as custom properties (`[name, value]`), none when the theme is off. */
export function themeProperties(theme: ThemeTokens | undefined): Array<readonly [string, string]> {
  if (!theme) return [];
  return [
    ['--otel-color-accent', theme.accent],
    ['--otel-radius', `${theme.radius}px`],
  ];
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** A link for the fallback content (shown before the element upgrades and without JavaScript). */
function fallbackHref(options: PlaygroundOptions): string | undefined {
  if (options.source === 'google') {
    const id = options.googleCalendarId.trim();
    return id ? `https://calendar.google.com/calendar/embed?src=${encodeURIComponent(id)}` : undefined;
  }
  return /^https?:\/\//i.test(options.src.trim()) ? options.src.trim() : undefined;
}

/** The element as markup, one attribute per line when there are many. */
export function elementMarkup(options: PlaygroundOptions): string {
  const attributes = elementAttributes(options).map(([name, value]) =>
    value === '' ? name : `${name}="${escapeAttribute(value)}"`,
  );
  const open =
    attributes.length <= 2
      ? `<otel-event-list${attributes.map((a) => ` ${a}`).join('')}>`
      : `<otel-event-list\n${attributes.map((a) => `  ${a}`).join('\n')}\n>`;
  const href = fallbackHref(options);
  const fallback = href ? `  <a href="${escapeAttribute(href)}">Community calendar</a>\n` : '';
  return `${open}\n${fallback}</otel-event-list>`;
}

function themeCss(options: PlaygroundOptions): string {
  const properties = themeProperties(options.theme);
  if (properties.length === 0) return '';
  return `otel-event-list {\n${properties.map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}`;
}

/** The CDN file of a published version (jsDelivr serves npm packages; `"jsdelivr"` names the file). */
export function cdnUrl(version: string): string {
  return `https://cdn.jsdelivr.net/npm/otel-community-widgets@${version}/dist/cdn/otel-widgets.js`;
}

export function cdnSnippet(options: PlaygroundOptions, version: string): string {
  const css = themeCss(options);
  return [
    `<script type="module" src="${escapeAttribute(cdnUrl(version))}"></script>`,
    css ? `<style>\n${css.replace(/^/gm, '  ')}\n</style>` : '',
    elementMarkup(options),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export function npmSnippet(options: PlaygroundOptions): string {
  const css = themeCss(options);
  return [
    '# once, in your project\nnpm install otel-community-widgets',
    "// in your JavaScript entry (registers <otel-event-list>; TypeScript types included)\nimport 'otel-community-widgets/event-list';",
    css ? `/* in your CSS */\n${css}` : '',
    `<!-- in your page or component -->\n${elementMarkup(options)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
}

function hugoValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/**
 * The `otel-events` shortcode of examples/hugo. It takes `src` (an ICS or JSON URL; a Google
 * calendar is snapshotted at build time with `otel-calendar snapshot`), `timezone`, `lang` (the
 * page's language when absent), `days`, `limit`, `filter`, `group-by` and `heading-level`.
 */
export function hugoSnippet(options: PlaygroundOptions): string {
  const params: Array<readonly [string, string]> = [];
  const add = (name: string, value: string | number): void => {
    if (value !== '') params.push([name, String(value)]);
  };
  const src = options.source === 'google' ? '/calendar/community.json' : options.src.trim();
  add('src', src);
  add('timezone', options.timezone);
  add('lang', options.lang);
  if (options.days !== ELEMENT_DEFAULTS.days) add('days', options.days);
  if (options.limit !== ELEMENT_DEFAULTS.limit) add('limit', options.limit);
  add('filter', options.filter.trim());
  if (options.groupBy !== ELEMENT_DEFAULTS.groupBy) add('group-by', options.groupBy);
  if (options.headingLevel !== ELEMENT_DEFAULTS.headingLevel) add('heading-level', options.headingLevel);
  const shortcode = `{{< otel-events${params.map(([name, value]) => ` ${name}="${hugoValue(value)}"`).join('')} >}}`;
  const notes: string[] = [];
  if (options.source === 'google') {
    notes.push(
      '<!-- Snapshot the Google calendar when the site builds (no API key in the page, no CORS):',
      `     npx otel-calendar snapshot "https://calendar.google.com/calendar/ical/${escapeText(encodeURIComponent(options.googleCalendarId.trim() || 'ID'))}/public/basic.ics" -o static/calendar/community.json -->`,
    );
  }
  const css = themeCss(options);
  if (css) notes.push(`<!-- Theme tokens: add to assets/scss/_styles_project.scss -->\n<!--\n${css}\n-->`);
  return [...notes, shortcode].join('\n');
}

/** Google's public/secret ICS address: `…/calendar/ical/<id>/public/basic.ics`. */
const GOOGLE_ICS = /^https:\/\/calendar\.google\.com\/calendar\/ical\/([^/]+)\/(?:public|private-[^/]+)\/basic\.ics$/i;

/**
 * Advice for sources that cannot work as given: Google's ICS addresses send no CORS headers (a
 * browser may not read them), and a bare calendar id belongs in the Google source.
 * Returns undefined when there is nothing to say.
 */
export function sourceHint(options: PlaygroundOptions): string | undefined {
  if (options.source === 'google') {
    return options.googleCalendarId.trim() && !options.googleApiKey.trim()
      ? 'A Google calendar is read through the Google Calendar API: it needs an API key (restricted to your site).'
      : undefined;
  }
  const src = options.src.trim();
  const google = GOOGLE_ICS.exec(src);
  if (google && options.source === 'ics' && !options.proxy.trim()) {
    return `Google's ICS addresses send no CORS headers, so browsers cannot read them: choose "Google Calendar" with the id ${decodeURIComponent(google[1] ?? '')} and an API key, set a CORS proxy, or snapshot the feed when your site builds (otel-calendar snapshot).`;
  }
  if (/^[^\s/:]+@[^\s/:]+$/.test(src))
    return 'This looks like a calendar id, not a URL: choose "Google Calendar" as the source.';
  return undefined;
}
