/**
 * Prerendered shadow roots carry their styles as `<style>` elements (declarative shadow DOM has no
 * other way), and a Content-Security-Policy without `'unsafe-inline'` for styles blocks those. The
 * browser allows an inline style whose SHA-256 hash the policy lists, and the styles are the
 * elements' own — the same bytes for every page of one version — so the build can list them: in a
 * page's `<meta http-equiv="Content-Security-Policy">`, rewritten here, or in the site's header,
 * from the hashes `--style-hashes` prints.
 *
 * A policy is only ever widened by these hashes, where it needs them: a `style-src-elem` or
 * `style-src` directive that does not already allow inline styles gets them (`'none'` becomes just
 * the hashes); a policy that restricts styles only through `default-src` gets a `style-src` of the
 * same sources plus the hashes. A policy that does not restrict styles is left as it is.
 */
import { createHash } from 'node:crypto';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

/** The text of each `<style>` element in rendered markup (the elements' own output: no attributes). */
export function styleTexts(markup: string): string[] {
  return Array.from(markup.matchAll(/<style>([\s\S]*?)<\/style>/g), (m) => m[1] ?? '');
}

/** The CSP source expression that allows an inline style with this text. */
export function styleHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Does a source list allow every inline style already (so a hash would only narrow it)? */
function allowsInline(sources: readonly string[]): boolean {
  const lower = sources.map((s) => s.toLowerCase());
  if (!lower.includes("'unsafe-inline'")) return false;
  // A hash or a nonce turns 'unsafe-inline' off.
  return !lower.some((s) => /^'(sha(256|384|512)-|nonce-)/.test(s));
}

/** `sources` plus the hashes it lacks; `'none'` is dropped (with other sources it means nothing). */
function withHashes(sources: readonly string[], hashes: readonly string[]): string[] {
  const kept = sources.filter((s) => s.toLowerCase() !== "'none'");
  return [...kept, ...hashes.filter((h) => !kept.includes(h))];
}

/** A policy (one `content` value) that also allows inline styles with these hashes. */
export function policyWithStyleHashes(policy: string, hashes: readonly string[]): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((d) => d.length > 0);
  const named = (name: string): string[] | undefined => directives.find((d) => d[0]?.toLowerCase() === name);
  let changed = false;
  const widen = (directive: string[]): void => {
    const sources = directive.slice(1);
    const widened = withHashes(sources, hashes);
    if (allowsInline(sources) || widened.join(' ') === sources.join(' ')) return;
    directive.splice(1, directive.length - 1, ...widened);
    changed = true;
  };
  const elem = named('style-src-elem');
  const style = named('style-src');
  const fallback = named('default-src');
  if (elem) widen(elem);
  if (style) widen(style);
  else if (!elem && fallback && !allowsInline(fallback.slice(1))) {
    directives.push(['style-src', ...withHashes(fallback.slice(1), hashes)]);
    changed = true;
  }
  return changed ? directives.map((d) => d.join(' ')).join('; ') : policy;
}

function* elements(node: P5Node): Generator<P5Element> {
  if ('tagName' in node) yield node;
  if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
}

const escapeAttribute = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page with each `<meta http-equiv="Content-Security-Policy">` widened to the styles' hashes
 * (see above); the rest of the page byte for byte as it was.
 */
export function pageWithStyleHashes(html: string, hashes: readonly string[]): string {
  if (hashes.length === 0) return html;
  const edits: { start: number; end: number; text: string }[] = [];
  for (const el of elements(parse(html, { sourceCodeLocationInfo: true }))) {
    if (el.tagName !== 'meta') continue;
    const equiv = el.attrs
      .find((a) => a.name === 'http-equiv')
      ?.value.trim()
      .toLowerCase();
    const content = el.attrs.find((a) => a.name === 'content');
    const where = el.sourceCodeLocation?.attrs?.['content'];
    if (equiv !== 'content-security-policy' || !content || !where) continue;
    const widened = policyWithStyleHashes(content.value, hashes);
    if (widened === content.value) continue;
    edits.push({ start: where.startOffset, end: where.endOffset, text: `content="${escapeAttribute(widened)}"` });
  }
  let out = html;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
