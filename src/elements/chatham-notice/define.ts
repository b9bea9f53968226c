/**
 * Defines `<chatham-notice>`. Import this module for the element; import `./chatham-notice.js` for
 * the class alone (to extend it or define it under another name).
 */
import { defineElement } from '../define-element.js';
import { ChathamNotice } from './chatham-notice.js';

export { ChathamNotice, OtelDismissEvent, CHATHAM_HOUSE_RULE_URL, DISMISS_STORAGE_PREFIX } from './chatham-notice.js';

defineElement('chatham-notice', ChathamNotice);
