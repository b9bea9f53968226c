/**
 * The shipped bundles collapse the layout whitespace of Lit `html` templates
 * (scripts/minify-html-literals.js). The browser is the judge: the same markup, laid out, reads
 * the same and has the same elements, before and after.
 */
import { expect } from '@open-wc/testing';
// @ts-expect-error: a plain JavaScript build script, without type declarations.
import { collapseTemplateWhitespace } from '../../../scripts/minify-html-literals.js';

const collapse = collapseTemplateWhitespace as (text: string) => string;

/** Templates as the formatter writes them: indentation, a break inside a tag, text across lines. */
const SAMPLES = [
  `<p part="time">
        <span class="main"
          ><time datetime="2026-12-08T10:00:00Z">10:00</time>–<time datetime="2026-12-08T11:00:00Z">11:00</time></span
        >
        <span class="your-time">your time</span><span part="host-time">· 11:00–12:00 CET</span>
        <span part="relative">tomorrow</span>
      </p>`,
  `<div part="empty">
      <p>No upcoming events in the next 30 days.</p>
      <p>
              Next: <strong>Weekly sync</strong> —
              <time datetime="2027-01-05"
                >Tuesday, 5 January 2027</time
              >
            </p>
    </div>`,
  `<a
                part="join"
                class="button primary"
                href="https://example.org/j/1"
                aria-label="Join: Weekly
                  sync"
                >Join</a
              >`,
];

function render(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  return host;
}

describe('HTML template minification of the bundles', () => {
  for (const [i, sample] of SAMPLES.entries()) {
    it(`sample ${i + 1}: reads the same, same elements and attributes, fewer bytes`, () => {
      const before = render(sample);
      const after = render(collapse(sample));
      try {
        // (WebKit ends the text of trailing formatter whitespace with blank lines: not rendered text.)
        expect(after.innerText.trimEnd()).to.equal(before.innerText.trimEnd());
        const shape = (el: Element): string[] =>
          Array.from(el.querySelectorAll('*'), (e) =>
            [e.tagName, ...Array.from(e.attributes, (a) => `${a.name}=${a.value.replace(/\s+/g, ' ')}`)].join(' '),
          );
        expect(shape(after)).to.deep.equal(shape(before));
        expect(collapse(sample).length).to.be.lessThan(sample.length);
      } finally {
        before.remove();
        after.remove();
      }
    });
  }

  it('keeps whitespace without a line break as it is', () => {
    expect(collapse('<b>a</b> <i>b</i>  c')).to.equal('<b>a</b> <i>b</i>  c');
    expect(collapse('a\n\t  b')).to.equal('a b');
  });
});
