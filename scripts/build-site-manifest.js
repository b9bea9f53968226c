// Reads the element reference out of custom-elements.json: the elements, and for each the rows of
// its attribute, property, method, event, slot, CSS part and CSS custom property tables. Shared by
// scripts/docs-from-manifest.js (Markdown) and scripts/build-site.js (HTML), so both say the same.

/**
 * @typedef {{ title: string, headers: string[], rows: Array<Array<{ text: string, code?: boolean }>> }} ReferenceSection
 * @typedef {{ module: any, declaration: any }} ManifestElement
 */

/**
 * The custom elements a manifest declares, sorted by tag name.
 * @param {any} manifest parsed custom-elements.json
 * @returns {ManifestElement[]}
 */
export function manifestElements(manifest) {
  const out = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) out.push({ module, declaration });
    }
  }
  return out.sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
}

const code = (text) => ({ text: String(text ?? ''), code: Boolean(text) });
const plain = (text) => ({ text: String(text ?? '') });

/**
 * The reference tables of one element (empty tables left out).
 * @param {any} d the element's declaration
 * @returns {ReferenceSection[]}
 */
export function referenceSections(d) {
  const attributes = (d.attributes ?? []).map((a) => {
    const member = (d.members ?? []).find((m) => m.name === a.fieldName);
    return [
      code(a.name),
      code(a.fieldName),
      code(a.type?.text),
      code(member?.default ?? a.default),
      plain(a.description ?? member?.description),
    ];
  });
  const isPublic = (m) => !m.static && (!m.privacy || m.privacy === 'public');
  const properties = (d.members ?? [])
    .filter((m) => m.kind === 'field' && isPublic(m) && !(d.attributes ?? []).some((a) => a.fieldName === m.name))
    .map((m) => [code(m.name), code(m.type?.text), code(m.default), plain(m.description)]);
  const methods = (d.members ?? [])
    .filter((m) => m.kind === 'method' && isPublic(m))
    .map((m) => [code(`${m.name}()`), plain(m.description)]);
  const events = (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), plain(e.description)]);
  const slots = (d.slots ?? []).map((s) => [s.name ? code(s.name) : plain('(default)'), plain(s.description)]);
  const parts = (d.cssParts ?? []).map((p) => [code(p.name), plain(p.description)]);
  const props = (d.cssProperties ?? []).map((p) => [code(p.name), plain(p.description)]);
  return [
    { title: 'Attributes', headers: ['attribute', 'property', 'type', 'default', 'description'], rows: attributes },
    { title: 'Properties', headers: ['property', 'type', 'default', 'description'], rows: properties },
    { title: 'Methods', headers: ['method', 'description'], rows: methods },
    { title: 'Events', headers: ['event', 'type', 'description'], rows: events },
    { title: 'Slots', headers: ['slot', 'description'], rows: slots },
    { title: 'CSS parts', headers: ['part', 'description'], rows: parts },
    { title: 'CSS custom properties', headers: ['property', 'description'], rows: props },
  ].filter((section) => section.rows.length > 0);
}
