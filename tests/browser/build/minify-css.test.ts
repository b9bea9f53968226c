/**
 * The shipped bundles minify the CSS in Lit `css` templates (scripts/minify-css-literals.js).
 * The browser is the judge of equivalence: every stylesheet of every element, parsed as written
 * and as minified, must give the same rules.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
// @ts-expect-error: a plain JavaScript build script, without type declarations.
import { minifyCssLiterals, minifyCssText } from '../../../scripts/minify-css-literals.js';
import { chathamNoticeStyles } from '../../../src/elements/chatham-notice/chatham-notice.styles.js';
import { discussionCardStyles } from '../../../src/elements/discussion-card/discussion-card.styles.js';
import { eventListStyles } from '../../../src/elements/event-list/event-list.styles.js';
import { tokenStyles } from '../../../src/elements/styles/tokens.styles.js';
import { controlStyles } from '../../../src/elements/styles/controls.styles.js';
import { statusStyles } from '../../../src/elements/styles/status.styles.js';

const minify = minifyCssText as (text: string) => string;
const minifyModule = minifyCssLiterals as (code: string) => string;

function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return Array.from(sheet.cssRules, (rule) => rule.cssText);
}

const sheets: Record<string, CSSResult> = {
  tokenStyles,
  controlStyles,
  statusStyles,
  eventListStyles,
  discussionCardStyles,
  chathamNoticeStyles,
};

describe('CSS minification of the bundles', () => {
  for (const [name, result] of Object.entries(sheets)) {
    it(`${name}: same rules, fewer bytes`, () => {
      const minified = minify(result.cssText);
      expect(rules(minified)).to.deep.equal(rules(result.cssText));
      expect(rules(result.cssText).length).to.be.greaterThan(0);
      expect(minified.length).to.be.lessThan(result.cssText.length * 0.85);
    });
  }

  it('keeps quoted strings, holes and significant spaces', () => {
    const text =
      "a :hover{content:'  a  /* b */ ';width: calc(1px + 2px)} /* c's */ @media (forced-colors: active){b{color: red ; }}";
    expect(minify(text)).to.equal(
      "a :hover{content:'  a  /* b */ ';width:calc(1px + 2px)}@media (forced-colors: active){b{color:red}}",
    );
    expect(minifyModule('x = css`a { color: ${c}; }`;')).to.equal('x = css`a{color: ${c}}`;');
  });
});
