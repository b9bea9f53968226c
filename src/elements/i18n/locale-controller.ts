/**
 * Keeps an element in its reader's language: while it is on the page, it follows the `lang` of the
 * element or its closest ancestor, loads that language's messages, and re-renders the element when
 * either changes. {@link LocaleController.locale} is the language to render in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale } from './locale.js';
import { watchLocale } from './watch-locale.js';

export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #unwatch: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The element's language (BCP 47), as it is now. */
  get locale(): string {
    return resolveLocale(this.#host);
  }

  hostConnected(): void {
    this.#unwatch = watchLocale(this.#host, () => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unwatch?.();
    this.#unwatch = undefined;
  }
}
