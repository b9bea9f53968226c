/**
 * `webcal://` and `webcals://` links in `src` (what many sites' "Subscribe" buttons point to):
 * the same feed over HTTPS, read as an iCalendar feed. Links the element shows stay http(s).
 */
import type { SourceKind } from '../types.js';
import { icsKind } from './ics.js';

const WEBCAL = /^webcals?:\/\//i;

/** webcal: URLs, read over https: like any iCalendar feed. */
export const webcalKind: SourceKind = {
  kind: 'webcal',
  fromUrl: (url) => (WEBCAL.test(url) ? icsKind.fromUrl?.(url.replace(WEBCAL, 'https://')) : undefined),
};
