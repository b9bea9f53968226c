/**
 * Event descriptions from calendar feeds, read safely: a small single-pass tokenizer turns the
 * untrusted DESCRIPTION (Google writes HTML; other tools plain text with newlines and bare URLs)
 * into a tree of allow-listed elements, never handing a string to an HTML parser. The tree gives
 * readable plain text here (no DOM: this runs in Node too) and safe DOM in the elements
 * (`src/elements/ui/sanitize.ts`). Its cost is linear in the input, hostile input included.
 */
import { isSafeUrl, stripBidiControls } from './safe-url.js';

export { isSafeUrl, stripBidiControls } from './safe-url.js';

/** Longer input is cut here (an ellipsis marks the cut). */
const MAX_INPUT = 100_000;
/** Elements nested deeper than this are flattened to their text. */
const MAX_DEPTH = 32;

const names = (list: string): ReadonlySet<string> => new Set(list.split(' '));
/** The only elements in the output. Only `<a>` has attributes (a safe href, rel, target, part). */
const ALLOWED = names('a p br em i strong b u s ul ol li blockquote code pre span div');
/** Block elements outside the allow-list, kept as a plain `<div>` so their text keeps its lines. */
const AS_DIV = names(
  'h1 h2 h3 h4 h5 h6 section article header footer main aside nav address figure figcaption table caption tr dl dt dd center details summary fieldset legend',
);
/** Elements dropped together with all their content. */
const DROP = names('template object head svg math select form button option optgroup datalist applet frameset');
/** Raw-text elements (a browser does not read markup inside them): dropped with their content. */
const RAW = names('script style textarea title iframe noscript noembed noframes xmp plaintext');
const VOID = names('area base br col embed frame hr img input keygen link meta param source track wbr');
/** More element names that mark the input as HTML (with those above). */
const OTHER_HTML = names(
  'html body font sup sub small big mark abbr cite del ins q tt kbd var samp td th tbody thead tfoot label video audio picture strike bdi bdo time',
);
const BLOCKS = names('p div ul ol li blockquote pre');
const LISTS = names('ul ol');
const NONE: ReadonlySet<string> = new Set();

/** Where a raw-text element ends: `</script` followed by whitespace, `/` or `>`. */
const RAW_END = new Map([...RAW].map((name) => [name, new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi')]));
const TAG_LIKE = /<\/?([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r />]|<!--|<!doctype/gi;
export const BARE_URL = /https?:\/\/[^\s<>"]+/gi;
const ENTITY = /&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]{0,31});)/g;
const NAMED_ENTITIES = new Map(
  Object.entries({
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    AMP: '&',
    LT: '<',
    GT: '>',
    QUOT: '"',
    nbsp: '\u00A0',
    ndash: '\u2013',
    mdash: '\u2014',
    hellip: '\u2026',
    lsquo: '\u2018',
    rsquo: '\u2019',
    ldquo: '\u201C',
    rdquo: '\u201D',
    laquo: '\u00AB',
    raquo: '\u00BB',
    copy: '\u00A9',
    reg: '\u00AE',
    trade: '\u2122',
    euro: '\u20AC',
    middot: '\u00B7',
    bull: '\u2022',
  }),
);
/** `&#128;`…`&#159;` mean windows-1252 characters, as in browsers. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** An allowed element: `tag` is in ALLOWED; `source` is the tag name as written. */
export interface SafeElement {
  readonly tag: string;
  readonly source: string;
  readonly href: string | undefined;
  readonly children: (SafeElement | string)[];
}

const element = (tag: string, source: string, href?: string): SafeElement => ({ tag, source, href, children: [] });

/** Decodes numeric character references and the common named entities; others stay as written. */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES.get(name) ?? whole;
    const code = parseInt(hex ?? dec ?? '', hex === undefined ? 10 : 16);
    if (code >= 0x80 && code <= 0x9f) return CP1252.charAt(code - 0x80);
    const invalid = !(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff);
    return invalid ? '\uFFFD' : String.fromCodePoint(code);
  });
}

const cleanText = (raw: string): string => stripBidiControls(decodeEntities(raw));
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
const isAlpha = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122;

/** True when the input contains a tag of a known HTML element, a comment or a doctype. */
function looksLikeHtml(text: string): boolean {
  for (const match of text.matchAll(TAG_LIKE)) {
    const name = match[1]?.toLowerCase();
    if (name === undefined) return true;
    if ([ALLOWED, AS_DIV, DROP, RAW, VOID, OTHER_HTML].some((set) => set.has(name))) return true;
  }
  return false;
}

/** Builds the allow-listed tree from tokens; the tree is well-formed whatever the input. */
class TreeBuilder {
  readonly root = element('', '');
  private readonly stack: SafeElement[] = [this.root];
  /** The element whose content is being dropped (empty when none), and how deeply it is nested. */
  private dropping = '';
  private dropDepth = 0;

  private get top(): SafeElement {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  text(text: string): void {
    if (this.dropping || !text) return;
    const children = this.top.children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + text;
    else children.push(text);
  }

  start(name: string, href: string | undefined, selfClosing: boolean): void {
    if (this.dropping) {
      if (name === this.dropping && !selfClosing) this.dropDepth++;
      return;
    }
    if (DROP.has(name)) {
      if (!selfClosing) [this.dropping, this.dropDepth] = [name, 1];
      return;
    }
    if (name === 'br' || name === 'hr') return void this.top.children.push(element('br', name));
    if (name === 'td' || name === 'th') return this.text(' ');
    const tag = ALLOWED.has(name) ? name : AS_DIV.has(name) ? 'div' : undefined;
    if (tag === undefined) return;
    if (tag === 'a') this.close('a', NONE); // links do not nest
    if (tag === 'li') this.close('li', LISTS);
    if (BLOCKS.has(tag)) this.close('p', BLOCKS);
    const safeHref = tag === 'a' && href !== undefined ? isSafeUrl(href) : undefined;
    if ((tag === 'a' && safeHref === undefined) || this.stack.length > MAX_DEPTH) return;
    const el = element(tag, name, safeHref);
    this.top.children.push(el);
    this.stack.push(el);
  }

  end(name: string): void {
    if (this.dropping) {
      if (name === this.dropping && --this.dropDepth === 0) this.dropping = '';
      return;
    }
    if (name === 'br') return this.start('br', undefined, false); // `</br>` is a <br> in browsers
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i]?.source === name) return void (this.stack.length = i);
    }
  }

  /** Closes the innermost open `tag` unless one of `boundaries` is open inside it. */
  private close(tag: string, boundaries: ReadonlySet<string>): void {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const el = this.stack[i];
      if (el?.tag === tag) return void (this.stack.length = i);
      if (el && boundaries.has(el.tag)) return;
    }
  }
}

/** Reads the tag whose name starts at `p`; returns the index after it (input end: tag dropped). */
function readTag(s: string, p: number, isEnd: boolean, out: TreeBuilder): number {
  const n = s.length;
  const endsName = (j: number): boolean => isSpace(s.charCodeAt(j)) || s[j] === '/' || s[j] === '>';
  let j = p;
  while (j < n && !endsName(j)) j++;
  const name = s.slice(p, j).toLowerCase();
  let href: string | undefined;
  let selfClosing = false;
  for (;;) {
    for (; j < n && (isSpace(s.charCodeAt(j)) || s[j] === '/'); j++) selfClosing = s.startsWith('/>', j);
    if (j >= n) return n;
    if (s[j] === '>') break;
    const start = j++; // an attribute; its name may start with '='
    while (j < n && !endsName(j) && s[j] !== '=') j++;
    const attribute = s.slice(start, j).toLowerCase();
    while (j < n && isSpace(s.charCodeAt(j))) j++;
    let value = '';
    if (s[j] === '=') {
      for (j++; j < n && isSpace(s.charCodeAt(j)); j++);
      const quote = s[j];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, j + 1);
        if (close < 0) return n;
        value = s.slice(j + 1, close);
        j = close + 1;
      } else {
        const v = j;
        while (j < n && !isSpace(s.charCodeAt(j)) && s[j] !== '>') j++;
        value = s.slice(v, j);
      }
    }
    if (attribute === 'href' && href === undefined) href = decodeEntities(value);
  }
  j++;
  if (isEnd) out.end(name);
  else out.start(name, href, selfClosing);
  const rawEnd = isEnd ? undefined : RAW_END.get(name);
  if (rawEnd === undefined) return j;
  rawEnd.lastIndex = j; // skip the content; the end tag is then read (and ignored) as usual
  return rawEnd.exec(s)?.index ?? n;
}

/** Tokenizes HTML in one pass: text, start and end tags; comments, doctypes and `<?…>` skipped. */
function tokenize(s: string, out: TreeBuilder): void {
  const n = s.length;
  let i = 0;
  let textStart = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const c = s.charCodeAt(lt + 1);
    if (!isAlpha(c) && c !== 0x2f && c !== 0x21 && c !== 0x3f) {
      i = lt + 1; // a literal '<'
      continue;
    }
    if (lt > textStart) out.text(cleanText(s.slice(textStart, lt)));
    if (isAlpha(c)) i = readTag(s, lt + 1, false, out);
    else if (c === 0x2f && isAlpha(s.charCodeAt(lt + 2))) i = readTag(s, lt + 2, true, out);
    else if (s.startsWith('<!--', lt)) {
      const close = s.startsWith('>', lt + 4) ? lt + 2 : s.startsWith('->', lt + 4) ? lt + 3 : s.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const close = s.indexOf(']]>', lt + 9);
      out.text(stripBidiControls(s.slice(lt + 9, close < 0 ? n : close)));
      i = close < 0 ? n : close + 3;
    } else i = s.indexOf('>', lt + 2) + 1 || n; // <!doctype>, <?…>, </…>: skipped up to '>'
    textStart = i;
  }
  out.text(cleanText(s.slice(textStart)));
}

/** Parses a description into the allow-listed tree; `plain` when it is not HTML. */
export function parseDescription(input: string): { root: SafeElement; plain: boolean } {
  let text = input;
  if (text.length > MAX_INPUT) {
    const highSurrogate = (text.charCodeAt(MAX_INPUT - 1) & 0xfc00) === 0xd800;
    text = text.slice(0, highSurrogate ? MAX_INPUT - 1 : MAX_INPUT);
  }
  const builder = new TreeBuilder();
  const plain = !looksLikeHtml(text);
  if (plain) builder.text(cleanText(text));
  else tokenize(text, builder);
  if (text.length < input.length) builder.root.children.push('\u2026');
  return { root: builder.root, plain };
}

/** A bare URL's extent in text: without trailing punctuation or an unbalanced ')'. */
export function trimUrl(url: string): string {
  let end = url.length;
  let unbalanced = url.split(')').length - url.split('(').length;
  for (;;) {
    const c = url.charAt(end - 1);
    if (c === ')' && unbalanced > 0) unbalanced--;
    else if (!".,;:!?'".includes(c) || c === '') break;
    end--;
  }
  return url.slice(0, end);
}

/**
 * The readable plain text of a description, read exactly as {@link sanitizeDescription} reads it
 * (same allow-list, dropped content and limits), without tags: entities decoded, HTML whitespace
 * collapsed (kept in `<pre>` and in plain-text input), a line break for `<br>`, a blank line around
 * `<p>`, `<blockquote>` and `<pre>`, list items as `- item` or `1. item`, and a link's URL after its
 * text when the text is not itself the URL (`Join (https://zoom.us/j/1)`). No DOM needed: works in
 * Node. For .ics export and accessible summaries.
 *
 * @param input - The DESCRIPTION as written in the feed.
 * @returns The text, trimmed, with `\n` line breaks and no bidi controls.
 */
export function descriptionToText(input: string): string {
  const { root, plain } = parseDescription(input);
  const out: string[] = [];
  let newlines = 2; // newlines at the end of `out` (2 at the start: nothing to separate from)
  let space = false; // a collapsed whitespace run is pending
  let marker = false; // a list item's marker was just written: no line break before its text
  const put = (text: string): void => {
    if (!text) return;
    if (space && newlines === 0) out.push(' ');
    space = marker = false;
    out.push(text);
    let k = 0;
    while (k < text.length && text[text.length - 1 - k] === '\n') k++;
    newlines = k === text.length ? newlines + k : k;
  };
  const breakLines = (count: number): void => {
    if (marker || count === 0) return;
    space = false;
    for (; newlines < count; newlines++) out.push('\n');
  };
  const textOf = (el: SafeElement): string =>
    el.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
  const walk = (el: SafeElement, pre: boolean, listDepth: number): void => {
    let item = 0;
    for (const child of el.children) {
      if (typeof child === 'string') {
        if (plain || pre) put(child.replace(/\r\n?/g, '\n'));
        else {
          child.split(/[\t\n\f\r ]+/).forEach((word, k) => {
            if (k > 0) space = true;
            put(word);
          });
        }
        continue;
      }
      const { tag } = child;
      const paragraph = (tag === 'p' && listDepth === 0) || tag === 'blockquote' || tag === 'pre';
      const gap = paragraph ? 2 : BLOCKS.has(tag) ? 1 : 0;
      if (tag === 'br') {
        space = false;
        put('\n');
        continue;
      }
      breakLines(gap);
      if (tag === 'li') {
        put(`${'  '.repeat(Math.max(0, listDepth - 1))}${el.tag === 'ol' ? `${++item}.` : '-'}`);
        space = marker = true;
      }
      walk(child, pre || tag === 'pre', listDepth + (LISTS.has(tag) ? 1 : 0));
      const href = child.href;
      const label = href === undefined ? '' : textOf(child).trim();
      if (href !== undefined && label !== href && `mailto:${label}` !== href && !/^(?:https?|mailto):/i.test(label)) {
        space = true;
        put(label ? `(${href})` : href);
      }
      breakLines(gap);
    }
  };
  walk(root, false, 0);
  return out
    .join('')
    .replace(/\u00A0/g, ' ')
    .trim();
}
