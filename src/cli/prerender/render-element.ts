/**
 * Rendering one of the project's elements in Node with @lit-labs/ssr, for `otel-calendar
 * prerender`: the real elements and their own templates, over Lit's DOM shim. The element is given
 * what a browser would give it — its attributes, the page's language, a pinned "now", its calendar
 * data (loaded here, from files or the network) and the light DOM the page wrote inside it — and
 * its shadow root comes back as a `<template shadowrootmode="open">` with the element's styles.
 *
 * This module installs the DOM shim when it is imported: import it only to prerender.
 */
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { LitElementRenderer, render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';

/** What the page wrote inside an element (the card's links slot, the notice's own wording). */
export interface LightNode {
  readonly kind: 'element' | 'text';
  /** Attributes of an element. */
  readonly attributes: ReadonlyMap<string, string>;
  /** Text of a text node. */
  readonly text: string;
}

/** One element to render. */
export interface ElementJob {
  readonly tag: string;
  /** Its attributes, as written in the page plus the ones rendering needs (`lang`, the zone). */
  readonly attributes: ReadonlyMap<string, string>;
  /** The pinned current time. */
  readonly now: number;
  /** The page's language for nested elements (they have no ancestor to ask). */
  readonly lang: string;
  readonly light: readonly LightNode[];
  /** Prepares the element instance before it renders (gives a calendar element its data). */
  readonly prepare?: ((element: HTMLElement) => void) | undefined;
}

let current: ElementJob | undefined;

/** The shim's Element: what light-DOM children are made of, so `instanceof Element` holds. */
const ShimElement = globalThis.Element;

/** The light DOM of the page, as the element's own `childNodes` and `querySelector`. */
function giveLightDom(element: HTMLElement, light: readonly LightNode[]): void {
  const nodes = light.map((node) => {
    if (node.kind === 'text') return { nodeType: 3, textContent: node.text };
    const child = new ShimElement();
    for (const [name, value] of node.attributes) child.setAttribute(name, value);
    return child;
  });
  Object.defineProperty(element, 'childNodes', { value: nodes, configurable: true });
  Object.defineProperty(element, 'querySelector', {
    configurable: true,
    value: (selector: string) => {
      const slot = /\[slot="([^"]+)"\]$/.exec(selector)?.[1];
      if (slot === undefined) return null;
      return nodes.find((n) => n instanceof ShimElement && n.getAttribute('slot') === slot) ?? null;
    },
  });
}

/**
 * Lit's renderer, preparing the outermost element of the job before it renders; elements nested
 * in its shadow root have no light DOM of their own.
 */
class JobRenderer extends LitElementRenderer {
  override connectedCallback(): void {
    const job = current;
    if (job && this.element.localName === job.tag) {
      current = undefined;
      (this.element as HTMLElement & { now?: number }).now = job.now;
      giveLightDom(this.element, job.light);
      job.prepare?.(this.element);
    } else {
      giveLightDom(this.element, []);
    }
    super.connectedCallback();
  }
}

/** `&`, `"` and `<` of an attribute value. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The element's shadow root as declarative shadow DOM: `<template shadowrootmode="open">` with its
 * styles and content, Lit's hydration markers removed (the elements take over their content
 * without hydrating it). Nested elements keep their own shadow roots.
 */
export async function renderElement(job: ElementJob): Promise<string> {
  const open = [...job.attributes]
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  // Nested elements have no ancestor with `lang`: they read the browser's, which is the page's here.
  Object.defineProperty(globalThis, 'navigator', {
    value: { language: job.lang, onLine: true },
    configurable: true,
    writable: true,
  });
  current = job;
  let output: string;
  try {
    const template = html`<${unsafeStatic(`${job.tag}${open}`)}></${unsafeStatic(job.tag)}>`;
    output = await collectResult(render(template, { elementRenderers: [JobRenderer] }));
  } finally {
    current = undefined;
  }
  const start = output.indexOf('<template shadowroot');
  const end = output.lastIndexOf('</template>');
  if (start < 0 || end < start) throw new Error(`<${job.tag}> rendered no shadow root`);
  return cleanShadow(output.slice(start, end + '</template>'.length));
}

/**
 * Lit's markers out (comments and `<?>`), the deprecated `shadowroot` attribute and
 * `defer-hydration` too, and the templates' indentation (a run of whitespace with a line break
 * renders as one space: what the shipped bundles do to the same templates).
 */
function cleanShadow(markup: string): string {
  return (
    markup
      .replace(/\s*\n\s*/g, ' ')
      .replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?>/g, '')
      .replace(/<template shadowroot="open" shadowrootmode="open"/g, '<template shadowrootmode="open"')
      // Only on the project's own elements nested in a shadow root, whose attributes the templates write.
      .replace(/(<(?:chatham-notice|otel-[\w-]+)\b[^<>]*?) defer-hydration(?:="")?/g, '$1')
  );
}
