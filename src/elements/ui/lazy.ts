/**
 * A module the elements load on first need (opening a menu or a description) and then use
 * synchronously while rendering. Keeps code that only some interactions need out of the first
 * download; see `npm run size`. Rendering at build time (`isServer`), every such module is loaded
 * at once, so what it renders is in the page: {@link lazyModulesLoaded}.
 */
import { isServer } from 'lit';

/** The loads started at build time. */
const serverLoads: Promise<unknown>[] = [];

/** Resolves when every module loaded on first need has been loaded (rendering at build time). */
export function lazyModulesLoaded(): Promise<unknown> {
  return Promise.all(serverLoads);
}
export interface Lazy<T> {
  /** The module once loaded, else undefined. */
  readonly value: T | undefined;
  /** Loads the module (once; a failed load may be tried again). */
  load(): Promise<T>;
}

/** Wraps a dynamic `import()`. */
export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  const module: Lazy<T> = {
    get value() {
      return value;
    },
    load() {
      pending ??= importer().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
  if (isServer) serverLoads.push(module.load());
  return module;
}

/**
 * A `toggle` listener for a `<details>`: when it opens, loads `module` and then calls `update`
 * (the host's requestUpdate) so the content that needs the module renders.
 */
export function loadOnOpen(module: Lazy<unknown>, update: () => void): (event: Event) => void {
  return (event) => {
    if (!(event.currentTarget instanceof HTMLDetailsElement) || !event.currentTarget.open || module.value) return;
    module
      .load()
      .then(update, (error: unknown) => console.warn('otel-community-widgets: a module failed to load', error));
  };
}
