/**
 * React 19 + TypeScript: the three elements in a component (docs/recipes/react.md).
 * Typechecked by tests/node/recipes.test.ts against the package's JSX types.
 */
import { useEffect, useRef, useState } from 'react';
import type {} from 'otel-community-widgets/jsx';
import type { OtelEventList, OtelErrorEvent, OtelLoadEvent } from 'otel-community-widgets/event-list';

export interface CommunityEventsProps {
  /** An ICS URL with CORS headers, or the JSON `otel-calendar snapshot` wrote. */
  calendar: string;
  /** The page's language, e.g. from your router or i18n library. */
  lang: string;
}

export function CommunityEvents({ calendar, lang }: CommunityEventsProps) {
  const list = useRef<OtelEventList>(null);
  const [status, setStatus] = useState('Loading the calendar…');

  // Custom elements render in the browser only: define them there (safe under SSR, and a second
  // copy of the library on the page only warns).
  useEffect(() => {
    void import('otel-community-widgets/event-list');
    void import('otel-community-widgets/discussion-card');
  }, []);

  return (
    <section lang={lang}>
      <p role="status">{status}</p>
      <otel-event-list
        ref={list}
        src={calendar}
        days={30}
        limit="10"
        group-by="month"
        showCancelled
        onotel-load={(event: OtelLoadEvent) => setStatus(`${event.count} upcoming events${event.stale ? ' (saved copy)' : ''}`)}
        onotel-error={(event: OtelErrorEvent) => setStatus(`Could not load the calendar: ${event.error.message}`)}
      >
        {/* Rendered on the server and shown until the element upgrades: */}
        <a href={calendar}>Community calendar</a>
      </otel-event-list>
      <button type="button" onClick={() => list.current?.reload()}>
        Reload
      </button>

      <otel-discussion-card
        heading="End User Discussion Group — EMEA"
        region="EMEA"
        rrule="FREQ=MONTHLY;BYDAY=3TU"
        dtstart="2024-01-16T11:00"
        timezone="Europe/Berlin"
        chatham
        slackUrl="https://cloud-native.slack.com/archives/C01RT3MSWGZ"
      >
        <p>Monthly conversation among people who run OpenTelemetry in production.</p>
      </otel-discussion-card>
    </section>
  );
}
