#!/usr/bin/env node
// Writes the element reference from custom-elements.json: docs/elements/<tag>.md per element and
// the tables in README.md between <!-- elements:start --> and <!-- elements:end -->.
// Run by `npm run analyze` (part of the build), so the docs always match the source.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

const cell = (text) => String(text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function elements() {
  const out = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) out.push({ module, declaration });
    }
  }
  return out.sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
}

function reference({ declaration: d }, level) {
  const h = '#'.repeat(level);
  const attributes = (d.attributes ?? []).map((a) => {
    const member = (d.members ?? []).find((m) => m.name === a.fieldName);
    return [code(a.name), code(a.fieldName), code(a.type?.text), code(member?.default ?? a.default), cell(a.description ?? member?.description)];
  });
  const properties = (d.members ?? [])
    .filter((m) => m.kind === 'field' && !m.static && !m.privacy && !(d.attributes ?? []).some((a) => a.fieldName === m.name))
    .map((m) => [code(m.name), code(m.type?.text), code(m.default), cell(m.description)]);
  const methods = (d.members ?? [])
    .filter((m) => m.kind === 'method' && !m.static && !m.privacy)
    .map((m) => [code(`${m.name}()`), cell(m.description)]);
  const events = (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]);
  const slots = (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]);
  const parts = (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]);
  const props = (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]);
  const sections = [
    ['Attributes', table(['attribute', 'property', 'type', 'default', 'description'], attributes)],
    ['Properties', table(['property', 'type', 'default', 'description'], properties)],
    ['Methods', table(['method', 'description'], methods)],
    ['Events', table(['event', 'type', 'description'], events)],
    ['Slots', table(['slot', 'description'], slots)],
    ['CSS parts', table(['part', 'description'], parts)],
    ['CSS custom properties', table(['property', 'description'], props)],
  ];
  return sections
    .filter(([, body]) => body)
    .map(([title, body]) => `${h} ${title}\n\n${body}`)
    .join('\n\n');
}

mkdirSync('docs/elements', { recursive: true });
const summaries = [];
for (const element of elements()) {
  const d = element.declaration;
  const page = `<!-- Generated from custom-elements.json by scripts/docs-from-manifest.js: do not edit. -->\n# \`<${d.tagName}>\`\n\n${cell(d.summary)}\n\n${cell(d.description)}\n\n${reference(element, 2)}\n`;
  writeFileSync(`docs/elements/${d.tagName}.md`, page);
  summaries.push(`### \`<${d.tagName}>\`\n\n${cell(d.summary)} Full reference: [docs/elements/${d.tagName}.md](docs/elements/${d.tagName}.md).\n\n${reference(element, 4)}`);
}

const START = '<!-- elements:start -->';
const END = '<!-- elements:end -->';
const readme = readFileSync('README.md', 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from >= 0 && to > from) {
  const body = `${START}\n<!-- Generated from custom-elements.json by scripts/docs-from-manifest.js: do not edit by hand. -->\n\n${summaries.join('\n\n')}\n\n${END}`;
  writeFileSync('README.md', readme.slice(0, from) + body + readme.slice(to + END.length));
}
