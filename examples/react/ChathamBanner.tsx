/**
 * React 19: `<chatham-notice>` as a dismissible banner, and its `otel-dismiss` event.
 */
import { useEffect } from 'react';
import type {} from 'otel-community-widgets/jsx';
import type { OtelDismissEvent } from 'otel-community-widgets/chatham-notice';

export function ChathamBanner({ onDismiss }: { onDismiss?: (key: string) => void }) {
  useEffect(() => {
    void import('otel-community-widgets/chatham-notice');
  }, []);
  return (
    <chatham-notice
      variant="banner"
      storage-key="discussion-groups"
      no-recording
      onotel-dismiss={(event: OtelDismissEvent) => onDismiss?.(event.key)}
    />
  );
}
