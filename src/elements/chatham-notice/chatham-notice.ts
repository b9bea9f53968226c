import { LitElement, html, isServer, nothing, type TemplateResult } from 'lit';
import { isHttpUrl } from '../../calendar/safe-url.js';
import { tokenStyles } from '../styles/tokens.styles.js';
import { LocaleController } from '../i18n/locale-controller.js';
import { firstPlainUpdate } from '../ui/prerendered.js';
import { enNotice } from '../i18n/messages/en.js';
import { lookup } from '../i18n/messages/lookup.js';
import { chathamNoticeStyles } from './chatham-notice.styles.js';

/** Where the Chatham House Rule is published. */
export const CHATHAM_HOUSE_RULE_URL = 'https://www.chathamhouse.org/about-us/chatham-house-rule';

/** Prefix of the localStorage key that remembers a dismissed banner. */
export const DISMISS_STORAGE_PREFIX = 'otel-chatham-notice:dismissed:';

/** Fired when a banner is dismissed. */
export class OtelDismissEvent extends Event {
  static readonly type = 'otel-dismiss';
  /** The localStorage key the dismissal is remembered under. */
  readonly key: string;
  /** False when storage was unavailable: the dismissal holds for this page view only. */
  readonly persisted: boolean;
  constructor(key: string, persisted: boolean) {
    super(OtelDismissEvent.type, { bubbles: true, composed: true });
    this.key = key;
    this.persisted = persisted;
  }
}

/** Banners dismissed during this page view (also when storage is unavailable). */
const dismissedThisView = new Set<string>();

function storedDismissal(key: string): boolean {
  try {
    return window.localStorage.getItem(key) !== null;
  } catch {
    return false;
  }
}

function storeDismissal(key: string): boolean {
  try {
    window.localStorage.setItem(key, String(Date.now()));
    return true;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL, or undefined (no `javascript:`, `data:`…). */
function httpUrl(value: string): string | undefined {
  try {
    return isHttpUrl(new URL(value.trim(), document.baseURI).href);
  } catch {
    return undefined;
  }
}

type Variant = 'badge' | 'inline' | 'banner';
type NoticeKey = keyof typeof enNotice;

/**
 * The Chatham House Rule explained where it applies: a compact badge that discloses the rule, a
 * note that always shows it, or a dismissible banner. With `recorded`, the same element says the
 * session is recorded instead. Makes no network requests.
 *
 * @summary The Chatham House Rule (or "recorded session") explained: badge, inline note or banner.
 * @tag chatham-notice
 *
 * @slot - Replaces the wording of the explanation (the rule in plain words), e.g. a site's own
 *   translation. The title, the optional lines and the source link stay.
 *
 * @csspart base - The wrapper of everything the element renders (a `<section>` for the banner,
 *   `role="note"` for the inline variant).
 * @csspart badge - The badge: a `<button>` that shows or hides the explanation (badge variant).
 * @csspart panel - The disclosed explanation below the badge (badge variant).
 * @csspart title - The title line (inline and banner variants; in the badge variant the badge is the title).
 * @csspart text - The explanation: the rule in plain words, or the slotted wording.
 * @csspart lines - The list of optional lines (`no-recording`, `no-leads`).
 * @csspart source - The link to the rule's source.
 * @csspart dismiss - The Dismiss button (banner variant).
 *
 * @cssstate dismissed - A dismissed banner (it renders nothing and is not displayed).
 *
 * @cssprop --otel-font-family - Font (default: inherited from the page).
 * @cssprop --otel-font-size - Base font size (default: 1rem).
 * @cssprop --otel-color-text - Text colour (default: inherited).
 * @cssprop --otel-color-muted - The optional lines (default: the text colour at 70%).
 * @cssprop --otel-color-accent - The link, the badge and the banner's edge.
 * @cssprop --otel-color-surface - Background of the badge, the panel, the note and the banner.
 * @cssprop --otel-color-border - Borders.
 * @cssprop --otel-color-focus - The focus ring (default: the accent).
 * @cssprop --otel-radius - Corner radius.
 * @cssprop --otel-space - Spacing unit.
 *
 * @fires otel-dismiss - {OtelDismissEvent} The banner was dismissed (`key`, `persisted`). Focus was
 *   on the Dismiss button, which is gone: a page may move focus in a listener.
 */
export class ChathamNotice extends LitElement {
  static override styles = [tokenStyles, chathamNoticeStyles];

  static override properties = {
    variant: { reflect: true },
    recorded: { type: Boolean, reflect: true },
    noRecording: { type: Boolean, attribute: 'no-recording' },
    noLeads: { type: Boolean, attribute: 'no-leads' },
    sourceUrl: { attribute: 'source-url' },
    storageKey: { attribute: 'storage-key' },
    open: { type: Boolean, reflect: true },
  };

  /** `badge` (a pill that discloses the explanation), `inline` (a note, always visible) or `banner` (dismissible). */
  declare variant: 'badge' | 'inline' | 'banner';

  /** The group records its sessions: explain that instead of the Chatham House Rule. */
  declare recorded: boolean;

  /** Add the line "This session is not recorded." (ignored with `recorded`). */
  declare noRecording: boolean;

  /** Add the line saying contact details may not be collected for sales or marketing. */
  declare noLeads: boolean;

  /** Link to the rule's source (http or https only). Default: Chatham House's page about the rule. */
  declare sourceUrl: string;

  /** Banner: remember the dismissal under this name instead of the page's path. */
  declare storageKey: string;

  /** Badge: the explanation is shown. */
  declare open: boolean;

  readonly #locale = new LocaleController(this);
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    this.variant = 'badge';
    this.recorded = false;
    this.noRecording = false;
    this.noLeads = false;
    this.sourceUrl = '';
    this.storageKey = '';
    this.open = false;
    try {
      this.#internals = this.attachInternals();
    } catch {
      // A subclass attached internals itself, or the browser has none: the state is only cosmetic.
    }
  }

  /** The first update takes over content the build rendered into the page. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.hasUpdated
      ? super.scheduleUpdate()
      : firstPlainUpdate(this, this.#locale.locale, () => super.scheduleUpdate());
  }

  /** The localStorage key of this banner's dismissal. */
  get dismissKey(): string {
    return DISMISS_STORAGE_PREFIX + (this.storageKey || location.pathname);
  }

  /** A banner that was dismissed (now, or earlier on this page): it renders nothing. */
  get dismissed(): boolean {
    if (this.#variant() !== 'banner') return false;
    const key = this.dismissKey;
    return dismissedThisView.has(key) || storedDismissal(key);
  }

  /** Banner: hides it and remembers that for this page (in localStorage when available). */
  dismiss(): void {
    if (this.#variant() !== 'banner' || this.dismissed) return;
    const key = this.dismissKey;
    dismissedThisView.add(key);
    const persisted = storeDismissal(key);
    this.requestUpdate();
    const event = new OtelDismissEvent(key, persisted);
    this.dispatchEvent(event);
  }

  #variant(): Variant {
    return this.variant === 'inline' || this.variant === 'banner' ? this.variant : 'badge';
  }

  /** A message, with `lang="en"` when the locale has no translation and English is shown instead. */
  #t(locale: string, key: NoticeKey): { text: string; lang: string | typeof nothing } {
    const hit = lookup(locale, key);
    const english = !hit || hit.found === 'en';
    return { text: hit?.text ?? enNotice[key], lang: english && !/^en(?:-|$)/i.test(locale) ? 'en' : nothing };
  }

  /** Slotted content that replaces the wording (whitespace alone does not). */
  #hasWording(): boolean {
    return Array.from(this.childNodes).some((node) =>
      node instanceof Element
        ? !node.hasAttribute('slot')
        : node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
    );
  }

  protected override updated(): void {
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (this.dismissed) states.add('dismissed');
      else states.delete('dismissed');
    } catch {
      // Older engines only accept `--dismissed`; the element renders nothing anyway.
    }
  }

  override render(): TemplateResult | typeof nothing {
    const variant = this.#variant();
    if (variant === 'banner' && this.dismissed) return nothing;
    const locale = this.#locale.locale;
    const title = this.#t(locale, this.recorded ? 'recordedTitle' : 'chathamTitle');
    const body = this.#renderBody(locale);
    // IDs are scoped to the shadow root: fixed ones cannot clash between elements.
    const titleId = 'title';
    if (variant === 'inline') {
      return html`<div part="base" class="inline" role="note" aria-labelledby=${titleId}>
        <p part="title" id=${titleId} lang=${title.lang}>${title.text}</p>
        ${body}
      </div>`;
    }
    if (variant === 'banner') {
      const dismiss = this.#t(locale, 'dismiss');
      return html`<section part="base" class="banner" aria-labelledby=${titleId}>
        <div class="body">
          <p part="title" id=${titleId} lang=${title.lang}>${title.text}</p>
          ${body}
        </div>
        ${
          isServer
            ? nothing
            : html`<button
                part="dismiss"
                type="button"
                aria-label=${dismiss.text}
                lang=${dismiss.lang}
                @click=${() => this.dismiss()}
              >
                <span aria-hidden="true">×</span>
              </button>`
        }
      </section>`;
    }
    const panelId = 'panel';
    // Rendered at build time: a disclosure that opens without JavaScript, until the element takes over.
    if (isServer) {
      return html`<details part="base" class="badge">
        <summary part="badge" lang=${title.lang}>${title.text}</summary>
        <div part="panel" id=${panelId}>${body}</div>
      </details>`;
    }
    return html`<div part="base" class="badge" @keydown=${this.#onKeydown}>
      <button
        part="badge"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${panelId}
        lang=${title.lang}
        @click=${this.#toggle}
      >
        ${title.text}
      </button>
      <div part="panel" id=${panelId} ?hidden=${!this.open}>${body}</div>
    </div>`;
  }

  #renderBody(locale: string): TemplateResult {
    const wording = this.#hasWording();
    const text = this.#t(locale, this.recorded ? 'recordedText' : 'chathamRule');
    const lines: NoticeKey[] = [];
    if (this.noRecording && !this.recorded) lines.push('chathamNoRecording');
    if (this.noLeads) lines.push('chathamNoLeads');
    const source = this.recorded ? undefined : (this.sourceUrl && httpUrl(this.sourceUrl)) || CHATHAM_HOUSE_RULE_URL;
    const sourceText = this.#t(locale, 'chathamSource');
    return html`<div part="text" lang=${wording ? nothing : text.lang}>
        <slot @slotchange=${() => this.requestUpdate()}></slot>${wording ? nothing : text.text}
      </div>
      ${
        lines.length > 0
          ? html`<ul part="lines">
              ${lines.map((key) => {
                const line = this.#t(locale, key);
                return html`<li lang=${line.lang}>${line.text}</li>`;
              })}
            </ul>`
          : nothing
      }
      ${
        source
          ? html`<p class="source">
              <a part="source" href=${source} target="_blank" rel="noopener noreferrer" lang=${sourceText.lang}
                >${sourceText.text}</a
              >
            </p>`
          : nothing
      }`;
  }

  #toggle = (): void => {
    this.open = !this.open;
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    // Escape closes the innermost open thing only (not an enclosing dialog too).
    event.preventDefault();
    event.stopPropagation();
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="badge"]')?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'chatham-notice': ChathamNotice;
  }
  interface HTMLElementEventMap {
    'otel-dismiss': OtelDismissEvent;
  }
}
