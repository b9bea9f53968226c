// Collapses the layout whitespace in Lit `html` and `svg` tagged templates of a bundle: every run of
// whitespace that holds a line break becomes one space. Rendered text is unchanged (HTML collapses
// such runs to one space anyway, and no template holds <pre>, <textarea> or `white-space: pre`);
// what goes is the indentation the formatter adds, which terser leaves alone in template text.
import MagicString from 'magic-string';

/** A template's static text with its line-breaking whitespace collapsed. */
export function collapseTemplateWhitespace(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Calls `visit` on every node of an ESTree tree. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) walk(child, visit);
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}

/** Whether a tagged template's tag is Lit's `html` or `svg` (also as `lit.html`). */
function isLitTag(tag) {
  const name = tag.type === 'Identifier' ? tag.name : tag.type === 'MemberExpression' ? tag.property?.name : undefined;
  return name === 'html' || name === 'svg';
}

/**
 * Rollup plugin: runs on each module of ours once it is JavaScript (after esbuild-ts), where the
 * templates' tags still have the names the sources import (`html`); Rollup chains the source maps.
 * @returns {import('rollup').Plugin}
 */
export default function minifyHtmlLiterals() {
  return {
    name: 'minify-html-literals',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\b(?:html|svg)`/.test(code)) return null;
      const ast = this.parse(code);
      const out = new MagicString(code);
      let changed = false;
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || !isLitTag(node.tag)) return;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const collapsed = collapseTemplateWhitespace(raw);
          if (collapsed === raw) continue;
          out.overwrite(quasi.start, quasi.end, collapsed);
          changed = true;
        }
      });
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
