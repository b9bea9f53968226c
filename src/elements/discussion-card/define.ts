/**
 * Defines `<otel-discussion-card>` (and `<chatham-notice>`, which it uses). Import
 * `./discussion-card.js` for the class alone.
 */
import '../chatham-notice/define.js';
import { defineElement } from '../define-element.js';
import { OtelDiscussionCard } from './discussion-card.js';

export { OtelDiscussionCard } from './discussion-card.js';
export { OtelErrorEvent, OtelLoadEvent } from '../events.js';

defineElement('otel-discussion-card', OtelDiscussionCard);
