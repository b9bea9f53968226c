/**
 * Event descriptions from calendar feeds → safe DOM for the elements.
 *
 * No string is ever handed to an HTML parser or HTML sink, so this works on pages that enforce
 * `require-trusted-types-for 'script'` and a strict CSP: the description is read into a tree of
 * allow-listed elements by `src/calendar/html.ts`, and the DOM is built from that tree with
 * `createElement`, `createTextNode` and `setAttribute` only.
 */
import { BARE_URL, type SafeElement, isSafeUrl, parseDescription, trimUrl } from '../../calendar/html.js';

export { descriptionToText, isSafeUrl, stripBidiControls } from '../../calendar/html.js';

function link(doc: Document, href: string): HTMLElement {
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  a.setAttribute('rel', 'noopener noreferrer');
  a.setAttribute('target', '_blank');
  a.setAttribute('part', 'link');
  return a;
}

function appendLines(parent: Node, text: string, doc: Document, plain: boolean): void {
  if (!plain) {
    if (text) parent.appendChild(doc.createTextNode(text));
    return;
  }
  text.split(/\r\n|\r|\n/).forEach((line, k) => {
    if (k > 0) parent.appendChild(doc.createElement('br'));
    if (line) parent.appendChild(doc.createTextNode(line));
  });
}

function appendText(parent: Node, text: string, doc: Document, plain: boolean, inLink: boolean): void {
  let from = 0;
  if (!inLink) {
    for (const match of text.matchAll(BARE_URL)) {
      const url = trimUrl(match[0]);
      const href = isSafeUrl(url);
      if (href === undefined) continue;
      appendLines(parent, text.slice(from, match.index), doc, plain);
      parent.appendChild(link(doc, href)).appendChild(doc.createTextNode(url));
      from = match.index + url.length;
    }
  }
  appendLines(parent, text.slice(from), doc, plain);
}

function render(el: SafeElement, parent: Node, doc: Document, plain: boolean, inLink: boolean): void {
  for (const child of el.children) {
    if (typeof child === 'string') appendText(parent, child, doc, plain, inLink);
    else {
      const node = child.href === undefined ? doc.createElement(child.tag) : link(doc, child.href);
      render(child, node, doc, plain, inLink || child.tag === 'a');
      parent.appendChild(node);
    }
  }
}

/**
 * Turns an untrusted event description (HTML or plain text) into safe DOM for a Lit child binding.
 *
 * - HTML keeps only `a p br em i strong b u s ul ol li blockquote code pre span div`, with no
 *   attribute except `href` on `<a>`; other tags are dropped and their text kept (headings, table
 *   rows and similar blocks become `<div>`s, `<hr>` a `<br>`); `script style template iframe object
 *   embed noscript textarea title head svg math select` and form elements are dropped with their
 *   content. Comments, doctypes and `<?…>` are skipped; CDATA is text.
 * - Links: only http(s) and mailto hrefs ({@link isSafeUrl}); a rejected link keeps its text. Every
 *   link gets `rel="noopener noreferrer"`, `target="_blank"` and `part="link"`. Bare http(s) URLs
 *   in text outside links become such links too (trailing punctuation excluded).
 * - Plain text (no known HTML tag in it): newlines become `<br>`. Entities are decoded in both modes.
 * - Broken markup still gives a well-formed tree; nesting deeper than 32 is flattened; input beyond
 *   100,000 characters is dropped (an ellipsis marks the cut); bidi controls are stripped.
 *
 * No HTML parser or sink is used (see the module doc), so Trusted Types and a strict CSP are fine.
 *
 * @param input - The DESCRIPTION as written in the feed.
 * @param doc - The document that creates the nodes (default: the global `document`).
 * @returns A fragment to place in a Lit template (`${sanitizeDescription(event.description)}`).
 */
export function sanitizeDescription(input: string, doc: Document = document): DocumentFragment {
  const { root, plain } = parseDescription(input);
  const fragment = doc.createDocumentFragment();
  render(root, fragment, doc, plain, false);
  return fragment;
}
