/**
 * Defines `<otel-event-list>`. Import this module for the element; import `./event-list.js` for
 * the class alone (to extend it or define it under another name).
 */
import { defineElement } from '../define-element.js';
import { OtelEventList } from './event-list.js';

export { OtelEventList } from './event-list.js';
export { OtelErrorEvent, OtelLoadEvent } from '../events.js';

defineElement('otel-event-list', OtelEventList);
