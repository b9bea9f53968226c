#!/usr/bin/env node
// Renders examples/hugo/test-page.template.html into examples/hugo/test-page.html: the page real
// Hugo would produce from the example's partial and shortcodes, so a browser test can load it
// without Hugo installed (tests/browser/recipes/hugo.test.ts).
//
// This is NOT a Hugo implementation. It understands only what the example's templates use, and
// fails (exit 1, naming the construct) on anything else, so a template change that this script
// cannot render faithfully is caught instead of silently producing a different page:
//   page level:     {{ partial "NAME.html" . }}   {{< NAME k="v" … >}}   {{< NAME … >}}inner{{< /NAME >}}
//                   <!-- inline-css PATH -->   (a plain-CSS stylesheet from the example, as a <style>;
//                   Hugo compiles it into the site's main.css)
//   in templates:   {{/* comment */}}   {{ with PIPE }} … {{ else }} … {{ end }}   {{ . }}
//                   {{ .Get "k" }}   {{ $.Get "k" }}   {{ .Inner }}   {{ .Site.Language.Lang }}
//                   {{ site.Params.a.b }}   {{ partial "NAME.html" . }}
// Values are escaped as Go's html/template does: in text and attributes & < > " ' + become
// entities; in URL attributes (href, and any name containing src, uri or url) a URL must be relative or http(s)/mailto (else "#ZgotmplZ")
// and characters outside RFC 3986 are percent-encoded (so a space-separated `src` list becomes
// one URL in Hugo too: use one source per shortcode).
//
// Usage: node scripts/render-hugo-example.js           writes examples/hugo/test-page.html
//        node scripts/render-hugo-example.js --check   exit 1 when that file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITE_DIR = join(ROOT, 'examples', 'hugo');
const TEMPLATE = join(SITE_DIR, 'test-page.template.html');
const OUTPUT = join(SITE_DIR, 'test-page.html');

/**
 * The site the test page stands for: a Spanish page (the language is passed through), the CDN
 * bundle served from the repository's dist/cdn in place of jsDelivr, and the demo calendar (its
 * series never end) in place of the snapshot `npm run calendar` writes.
 * Keys of site.Params are lower-case, as Hugo stores them.
 */
const SITE = {
  lang: 'es',
  params: {
    otelwidgets: {
      script: '/dist/cdn/otel-widgets.js',
      calendar: '/demo/calendar/community.ics',
      calendarpage: 'https://calendar.google.com/calendar/embed?src=example%40group.calendar.google.com',
    },
  },
};

class UnsupportedTemplate extends Error {}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(
    /[&<>"'+\0]/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;', '+': '&#43;', '\0': '\uFFFD' })[c] ?? c,
  );
}

/** Go html/template's URL filter and normalizer, then attribute escaping. @param {string} url */
function escapeUrlAttribute(url) {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme && !['http', 'https', 'mailto'].includes((scheme[1] ?? '').toLowerCase())) return '#ZgotmplZ';
  const normalized = url.replace(/[^A-Za-z0-9\-._~!#$&*+,/:;=?@[\]%]/gu, (c) => encodeURIComponent(c));
  return escapeHtml(normalized);
}

/**
 * Whether html/template treats an attribute as a URL: the usual URL attributes, and any name
 * containing "src", "uri" or "url" (so `calendar-url`, `slack-url` and `src` are URLs).
 * @param {string} name
 */
function isUrlAttribute(name) {
  const bare = name.toLowerCase().replace(/^data-/, '');
  return (
    [
      'href',
      'action',
      'cite',
      'poster',
      'formaction',
      'background',
      'longdesc',
      'usemap',
      'manifest',
      'icon',
      'codebase',
      'classid',
      'profile',
    ].includes(bare) || /src|uri|url/.test(bare)
  );
}

/**
 * Escapes a value for where it lands in the output: the attribute whose quoted value is open at
 * the end of `before`, or text.
 * @param {string} before @param {string} value
 */
function escapeInContext(before, value) {
  const tagStart = before.lastIndexOf('<');
  if (tagStart > before.lastIndexOf('>')) {
    const attribute = /([\w-]+)="[^"]*$/.exec(before.slice(tagStart));
    if (!attribute)
      throw new UnsupportedTemplate(`a value outside a double-quoted attribute: ${before.slice(tagStart)}`);
    return isUrlAttribute(attribute[1] ?? '') ? escapeUrlAttribute(value) : escapeHtml(value);
  }
  return escapeHtml(value);
}

/**
 * @typedef {{ params: Record<string, string>, inner: string }} Shortcode
 * @typedef {{ dot: string | Shortcode | null, top: Shortcode | null }} Scope
 */

/** The value of one pipeline. @param {string} pipe @param {Scope} scope @returns {string} */
function evaluate(pipe, scope) {
  const get = /^(\.|\$\.)Get "([\w-]+)"$/.exec(pipe);
  if (get) {
    const shortcode = get[1] === '$.' ? scope.top : scope.dot;
    if (!shortcode || typeof shortcode === 'string') throw new UnsupportedTemplate(`${pipe} outside a shortcode`);
    return shortcode.params[get[2] ?? ''] ?? '';
  }
  if (pipe === '.') {
    if (typeof scope.dot !== 'string') throw new UnsupportedTemplate('{{ . }} outside {{ with }}');
    return scope.dot;
  }
  if (pipe === '.Inner') {
    if (!scope.top) throw new UnsupportedTemplate('.Inner outside a shortcode');
    return scope.top.inner;
  }
  if (pipe === '.Site.Language.Lang') return SITE.lang;
  const param = /^site\.Params((?:\.\w+)+)$/.exec(pipe);
  if (param) {
    /** @type {unknown} */
    let value = SITE.params;
    for (const key of (param[1] ?? '').slice(1).split('.')) {
      value =
        value && typeof value === 'object'
          ? /** @type {Record<string, unknown>} */ (value)[key.toLowerCase()]
          : undefined;
    }
    return typeof value === 'string' ? value : '';
  }
  throw new UnsupportedTemplate(`{{ ${pipe} }}`);
}

/**
 * Splits a template into text and actions.
 * @param {string} template @returns {Array<{ text: string } | { action: string }>}
 */
function tokenize(template) {
  /** @type {Array<{ text: string } | { action: string }>} */
  const tokens = [];
  const pattern = /\{\{(-?)\s*(\/\*[\s\S]*?\*\/|[\s\S]*?)\s*(-?)\}\}/g;
  let last = 0;
  for (const match of template.matchAll(pattern)) {
    if (match[1] || match[3]) throw new UnsupportedTemplate(`whitespace trimming in ${match[0]}`);
    tokens.push({ text: template.slice(last, match.index) });
    tokens.push({ action: match[2] ?? '' });
    last = (match.index ?? 0) + match[0].length;
  }
  tokens.push({ text: template.slice(last) });
  return tokens;
}

/**
 * Renders a Hugo template with the constructs listed at the top of this file.
 * @param {string} template @param {Scope} scope @returns {string}
 */
function renderTemplate(template, scope) {
  const tokens = tokenize(template);
  let index = 0;

  /** Renders until {{ else }} / {{ end }} (returned as the stop) or the end. @param {Scope} at @param {string[]} out */
  function block(at, out, skip = false) {
    while (index < tokens.length) {
      const token = /** @type {{ text: string } | { action: string }} */ (tokens[index++]);
      if ('text' in token) {
        if (!skip) out.push(token.text);
        continue;
      }
      const action = token.action;
      if (action === 'else' || action === 'end') return action;
      if (/^\/\*[\s\S]*\*\/$/.test(action)) continue;
      const withPipe = /^with (.+)$/.exec(action);
      if (withPipe) {
        const value = skip ? '' : evaluate(withPipe[1] ?? '', at);
        const truthy = value !== '';
        const stop = block({ dot: value, top: at.top }, out, skip || !truthy);
        if (stop === 'else') {
          const end = block(at, out, skip || truthy);
          if (end !== 'end') throw new UnsupportedTemplate('{{ with }} … {{ else }} without {{ end }}');
        } else if (stop !== 'end') throw new UnsupportedTemplate('{{ with }} without {{ end }}');
        continue;
      }
      const partial = /^partial "([\w/.-]+\.html)" \.$/.exec(action);
      if (partial) {
        if (!skip) out.push(renderPartial(partial[1] ?? ''));
        continue;
      }
      if (!skip) out.push(escapeInContext(out.join(''), evaluate(action, at)));
    }
    return 'eof';
  }

  /** @type {string[]} */
  const out = [];
  const stop = block(scope, out);
  if (stop !== 'eof') throw new UnsupportedTemplate(`{{ ${stop} }} without {{ with }}`);
  return out.join('');
}

/** @param {string} name */
function renderPartial(name) {
  return renderTemplate(readFileSync(join(SITE_DIR, 'layouts', 'partials', name), 'utf8'), { dot: null, top: null });
}

/** Named parameters of a shortcode call: k="v" pairs only. @param {string} text */
function shortcodeParams(text) {
  /** @type {Record<string, string>} */
  const params = {};
  const rest = text.replace(/([\w-]+)="([^"]*)"/g, (_, key, value) => {
    params[key] = value;
    return '';
  });
  if (rest.trim()) throw new UnsupportedTemplate(`shortcode arguments other than k="v": ${rest.trim()}`);
  return params;
}

/** @param {string} name @param {Record<string, string>} params @param {string} inner */
function renderShortcode(name, params, inner) {
  const template = readFileSync(join(SITE_DIR, 'layouts', 'shortcodes', `${name}.html`), 'utf8');
  const shortcode = { params, inner };
  return renderTemplate(template, { dot: shortcode, top: shortcode });
}

/**
 * Renders the test page template: shortcode calls, partials, inline stylesheets, then the rest
 * as a template with the site context.
 * @param {string} page @returns {string}
 */
export function renderPage(page) {
  let html = page.replace(
    /\{\{<\s*([\w-]+)((?:\s+[\w-]+="[^"]*")*)\s*>\}\}(?:([\s\S]*?)\{\{<\s*\/\1\s*>\}\})?/g,
    (_, name, args, inner) => renderShortcode(name, shortcodeParams(args), inner ?? ''),
  );
  if (/\{\{[<%]/.test(html))
    throw new UnsupportedTemplate(`a shortcode call this script cannot read: ${/\{\{[<%][^}]*\}\}/.exec(html)?.[0]}`);
  html = html.replace(/<!-- inline-css ([\w/.-]+) -->/g, (_, path) => {
    const css = readFileSync(join(SITE_DIR, path), 'utf8');
    if (/^\s*\/\/|@(?:import|use|mixin|include|extend)\b|\$[\w-]+\s*:|#\{/m.test(css)) {
      throw new UnsupportedTemplate(`${path} uses Sass features; keep it plain CSS`);
    }
    return `<style>\n/* ${path} */\n${css.trimEnd()}\n</style>`;
  });
  return renderTemplate(html, { dot: null, top: null });
}

function main() {
  const check = process.argv.includes('--check');
  let rendered;
  try {
    rendered = renderPage(readFileSync(TEMPLATE, 'utf8'));
  } catch (error) {
    if (error instanceof UnsupportedTemplate) {
      console.error(`render-hugo-example: unsupported template construct: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  if (check) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== rendered) {
      console.error(
        'render-hugo-example: examples/hugo/test-page.html is out of date; run node scripts/render-hugo-example.js',
      );
      process.exit(1);
    }
    return;
  }
  writeFileSync(OUTPUT, rendered);
  console.log(`render-hugo-example: wrote ${OUTPUT}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
