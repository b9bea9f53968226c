import { css } from 'lit';

/**
 * What the calendar elements share beyond the controls: titles (feed text, so they wrap anywhere),
 * badges ("Happening now", "Cancelled") and loading skeletons.
 */
export const statusStyles = css`
  [part='title'] {
    margin: 0;
    overflow-wrap: anywhere;
  }
  [part~='badge'] {
    font-size: 0.8em;
    font-weight: 650;
    border-radius: 999px;
    padding: 0.05em 0.6em;
    border: 1px solid currentColor;
  }
  [part~='cancelled-badge'] {
    color: var(--_danger);
  }
  .skeleton {
    display: block;
    height: 0.9em;
    border-radius: 0.3em;
    background: var(--_border);
    animation: pulse 1.4s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .skeleton {
      background: GrayText;
    }
  }
`;
