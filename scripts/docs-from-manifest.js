#!/usr/bin/env node
// Writes the element reference from custom-elements.json: docs/elements/<tag>.md per element and
// the tables in README.md between <!-- elements:start --> and <!-- elements:end -->.
// Run by `npm run analyze` (part of the build), so the docs always match the source.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { manifestElements, referenceSections } from './build-site-manifest.js';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

const cell = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const markdownCell = ({ text, code }) => (code ? `\`${cell(text)}\`` : cell(text));

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(markdownCell).join(' | ')} |`),
  ].join('\n');
}

function elements() {
  return manifestElements(manifest);
}

function reference({ declaration: d }, level) {
  const h = '#'.repeat(level);
  return referenceSections(d)
    .map(({ title, headers, rows }) => `${h} ${title}\n\n${table(headers, rows)}`)
    .join('\n\n');
}

mkdirSync('docs/elements', { recursive: true });
const summaries = [];
for (const element of elements()) {
  const d = element.declaration;
  const page = `<!-- Generated from custom-elements.json by scripts/docs-from-manifest.js: do not edit. -->\n# \`<${d.tagName}>\`\n\n${cell(d.summary)}\n\n${cell(d.description)}\n\n${reference(element, 2)}\n`;
  writeFileSync(`docs/elements/${d.tagName}.md`, page);
  summaries.push(
    `### \`<${d.tagName}>\`\n\n${cell(d.summary)} Full reference: [docs/elements/${d.tagName}.md](docs/elements/${d.tagName}.md).\n\n${reference(element, 4)}`,
  );
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
