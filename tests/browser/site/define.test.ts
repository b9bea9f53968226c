/**
 * defineElement: a second copy of the library on the page (another class for the same tag) warns
 * once per tag, naming it, and keeps the first definition instead of throwing.
 */
import { expect } from '@open-wc/testing';
import { defineElement } from '../../../src/elements/define-element.js';

/** Calls `run` with console.warn recorded; returns the messages. */
function recordWarnings(run: () => void): string[] {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]): void => {
    messages.push(args.map(String).join(' '));
  };
  try {
    run();
  } finally {
    console.warn = original;
  }
  return messages;
}

let counter = 0;
/** A tag no other test has used (definitions cannot be undone). */
function freshTag(): string {
  counter += 1;
  return `otel-define-test-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

describe('defineElement', () => {
  it('defines an undefined tag without warning', () => {
    const tag = freshTag();
    class First extends HTMLElement {}
    const warnings = recordWarnings(() => defineElement(tag, First));
    expect(customElements.get(tag)).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });

  it('warns instead of throwing when another copy defines the tag, and keeps the first class', () => {
    const tag = freshTag();
    class First extends HTMLElement {}
    class SecondCopy extends HTMLElement {}
    defineElement(tag, First);
    const warnings = recordWarnings(() => expect(() => defineElement(tag, SecondCopy)).not.to.throw());
    expect(customElements.get(tag)).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain(`<${tag}>`);
    expect(warnings[0]).to.contain('two copies');
  });

  it('warns once per tag, however many copies follow', () => {
    const tag = freshTag();
    const other = freshTag();
    defineElement(tag, class extends HTMLElement {});
    defineElement(other, class extends HTMLElement {});
    const warnings = recordWarnings(() => {
      defineElement(tag, class extends HTMLElement {});
      defineElement(tag, class extends HTMLElement {});
      defineElement(other, class extends HTMLElement {});
    });
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.contain(`<${tag}>`);
    expect(warnings[1]).to.contain(`<${other}>`);
  });

  it('is silent when the same class is defined again (one copy imported twice)', () => {
    const tag = freshTag();
    class Only extends HTMLElement {}
    defineElement(tag, Only);
    const warnings = recordWarnings(() => defineElement(tag, Only));
    expect(warnings).to.deep.equal([]);
  });
});
