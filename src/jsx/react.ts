/**
 * JSX types for the three elements in React 19 (`otel-community-widgets/jsx`). Import it once,
 * for its types only, anywhere in a React + TypeScript project:
 *
 * ```ts
 * import type {} from 'otel-community-widgets/jsx';
 * ```
 *
 * Then `<otel-event-list days={30} group-by="month" onotel-load={(e) => e.count} />` is checked:
 * attributes (kebab-case, as in HTML) and properties (camelCase, set as DOM properties by React 19
 * because the element defines them) with their value types, and the elements' events as
 * `on<event-name>` props (React 19 listens to `onotel-load` as the `otel-load` event).
 *
 * This module has no runtime code; it does not define the elements (import
 * `otel-community-widgets/event-list` etc. for that, on the client).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ChathamNotice, OtelDismissEvent } from '../elements/chatham-notice/chatham-notice.js';
import type { OtelDiscussionCard } from '../elements/discussion-card/discussion-card.js';
import type { OtelEventList } from '../elements/event-list/event-list.js';
import type { OtelErrorEvent, OtelLoadEvent } from '../elements/events.js';

/** What React accepts on any HTML element (`ref`, `key`, `children`, `className`, `lang`, …). */
type HtmlProps<E extends HTMLElement> = DetailedHTMLProps<HTMLAttributes<E>, E>;

/** A number written as an attribute: `days={30}` or `days="30"`. */
type NumberAttribute = number | `${number}`;

/** Attributes of `<otel-event-list>`, as written in HTML. */
export interface OtelEventListAttributes {
  src?: string;
  'google-calendar-id'?: string;
  'google-api-key'?: string;
  proxy?: string;
  days?: NumberAttribute;
  limit?: NumberAttribute;
  filter?: string;
  timezone?: string;
  'group-by'?: OtelEventList['groupBy'];
  'show-cancelled'?: boolean;
  'heading-level'?: NumberAttribute;
  'calendar-url'?: string;
  'subscribe-url'?: string;
  timeout?: NumberAttribute;
  cache?: OtelEventList['cache'];
  refresh?: NumberAttribute;
}

/** Events every calendar element fires, as React 19 props. */
export interface OtelLoadEventProps {
  'onotel-load'?: (event: OtelLoadEvent) => void;
  'onotel-error'?: (event: OtelErrorEvent) => void;
}

/** Props of `<otel-event-list>`: attributes, the camelCase properties, events. */
export type OtelEventListProps = HtmlProps<OtelEventList> &
  OtelEventListAttributes &
  Partial<
    Pick<
      OtelEventList,
      | 'googleCalendarId'
      | 'googleApiKey'
      | 'groupBy'
      | 'showCancelled'
      | 'headingLevel'
      | 'calendarUrl'
      | 'subscribeUrl'
      | 'now'
    >
  > &
  OtelLoadEventProps;

/** Attributes of `<otel-discussion-card>`, as written in HTML. */
export interface OtelDiscussionCardAttributes {
  heading?: string;
  region?: string;
  src?: string;
  'google-calendar-id'?: string;
  'google-api-key'?: string;
  match?: string;
  rrule?: string;
  dtstart?: string;
  timezone?: string;
  duration?: string;
  count?: NumberAttribute;
  chatham?: boolean;
  recorded?: boolean;
  format?: string;
  'format-url'?: string;
  'join-url'?: string;
  'slack-url'?: string;
  'notes-url'?: string;
  'heading-level'?: NumberAttribute;
  'display-timezone'?: string;
  proxy?: string;
  timeout?: NumberAttribute;
  cache?: OtelDiscussionCard['cache'];
  refresh?: NumberAttribute;
}

/** Props of `<otel-discussion-card>`: attributes, the camelCase properties, events. */
export type OtelDiscussionCardProps = HtmlProps<OtelDiscussionCard> &
  OtelDiscussionCardAttributes &
  Partial<
    Pick<
      OtelDiscussionCard,
      | 'googleCalendarId'
      | 'googleApiKey'
      | 'formatUrl'
      | 'joinUrl'
      | 'slackUrl'
      | 'notesUrl'
      | 'headingLevel'
      | 'displayTimezone'
      | 'now'
    >
  > &
  OtelLoadEventProps;

/** Attributes of `<chatham-notice>`, as written in HTML. */
export interface ChathamNoticeAttributes {
  variant?: ChathamNotice['variant'];
  recorded?: boolean;
  'no-recording'?: boolean;
  'no-leads'?: boolean;
  'source-url'?: string;
  'storage-key'?: string;
  open?: boolean;
}

/** Props of `<chatham-notice>`: attributes, the camelCase properties, the dismiss event. */
export type ChathamNoticeProps = HtmlProps<ChathamNotice> &
  ChathamNoticeAttributes &
  Partial<Pick<ChathamNotice, 'noRecording' | 'noLeads' | 'sourceUrl' | 'storageKey'>> & {
    'onotel-dismiss'?: (event: OtelDismissEvent) => void;
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace.
  namespace JSX {
    interface IntrinsicElements {
      'otel-event-list': OtelEventListProps;
      'otel-discussion-card': OtelDiscussionCardProps;
      'chatham-notice': ChathamNoticeProps;
    }
  }
}
