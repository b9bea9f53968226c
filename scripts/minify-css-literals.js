// Minifies the CSS inside Lit `css` tagged templates (comments and layout whitespace only: no
// selector or value is rewritten), for the bundles we ship (CDN build, demo, size report).
// Terser leaves template-literal text alone, and whitespace in CSS is most of what it could drop.

/** One CSS text (the static part of a template, between `${…}` holes). */
export function minifyCssText(text) {
  // One left-to-right scan: quoted strings (`content: ''`) are kept as written, comments become a
  // space (a quote inside a comment, or a comment marker inside a string, is just text).
  const segments = [''];
  for (const [i, part] of text.split(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\/\*[\s\S]*?\*\/)/).entries()) {
    if (i % 2 === 1 && !part.startsWith('/*')) segments.push(part, '');
    else segments[segments.length - 1] += i % 2 === 1 ? ' ' : part;
  }
  return (
    segments
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part
              .replace(/\s+/g, ' ')
              .replace(/\s*([{};])\s*/g, '$1')
              .replace(/;}/g, '}'),
      )
      .join('')
      // Declaration blocks (braces with no braces inside): `name: value` → `name:value`. Outside
      // them (selector lists, at-rule preludes): `a, b` → `a,b`. Values keep their commas' spaces
      // (custom properties keep their text as written). Assumes no quoted string holds a `{` or `, `.
      .split(/(\{[^{}]*\})/)
      .map((part, i) => (i % 2 === 1 ? part.replace(/(^\{|;)([\w-]+):\s+/g, '$1$2:') : part.replace(/,\s+/g, ',')))
      .join('')
  );
}

const CSS_TEMPLATE = /\bcss`((?:[^`\\]|\\.)*)`/g;

/** Rewrites every css`…` template in a module's code; holes (`${…}`) are kept as they are. */
export function minifyCssLiterals(code) {
  return code.replace(CSS_TEMPLATE, (_, body) => {
    const parts = body.split(/(\$\{[^}]*\})/);
    return `css\`${parts
      .map((p, i) => (i % 2 === 1 ? p : minifyCssText(p)))
      .join('')
      .trim()}\``;
  });
}
