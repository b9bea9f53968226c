import { css } from 'lit';

/**
 * Tokens shared by every element. Public `--otel-*` properties are read once into private
 * `--_*` variables on :host. Defaults inherit the page's font and text colour; the accent and
 * danger colours follow the page's `color-scheme` (`light-dark()`: a page in dark mode, or any
 * part of it with `color-scheme: dark`, gets the dark ones); forced-colors mode uses system colours.
 * `<chatham-notice>` uses these alone; the calendar elements add the controls (`controls.styles.ts`, `controlStyles`).
 */
export const tokenStyles = css`
  :host {
    --_font: var(--otel-font-family, inherit);
    --_font-size: var(--otel-font-size, 1rem);
    --_text: var(--otel-color-text, currentColor);
    --_muted: var(--otel-color-muted, color-mix(in srgb, currentColor 70%, transparent));
    /* Light and dark defaults follow the page's color-scheme (e.g. Bootstrap's data-bs-theme). */
    --_accent: var(--otel-color-accent, light-dark(#3f51b5, #9fa8ff));
    --_on-accent: var(--otel-color-on-accent, light-dark(#fff, #10152e));
    --_surface: var(--otel-color-surface, color-mix(in srgb, currentColor 4%, transparent));
    --_border: var(--otel-color-border, color-mix(in srgb, currentColor 18%, transparent));
    /* The outline of a neutral control (a pill, an icon button): at least 3:1 on the page. */
    --_control-border: color-mix(in srgb, var(--_text) 60%, transparent);
    --_danger: var(--otel-color-danger, light-dark(#b3261e, #ffb4ab));
    --_radius: var(--otel-radius, 0.5rem);
    --_space: var(--otel-space, 0.75rem);
    --_focus: var(--otel-color-focus, var(--_accent));
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    line-height: 1.45;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--_accent);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
