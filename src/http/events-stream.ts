import { encode } from '@msgpack/msgpack';
import type { EventHub, LiveEvent } from '../store/events.js';

/** Who is listening on one `GET /events` connection. */
export interface Listener {
  userId: string;
  organizationId: string;
}

export const CONNECTED_FRAME = 'event: connected\ndata: OK\n\n';

/**
 * The real server's delivery filter: an organization-tagged event goes to that organization's connections,
 * a user-tagged one to that user's, an untagged one to everybody.
 */
export function isFor(event: LiveEvent, who: Listener): boolean {
  if (event.organizationId !== undefined && event.organizationId !== who.organizationId) return false;
  if (event.userId !== undefined && event.userId !== who.userId) return false;
  return true;
}

/**
 * One SSE frame: `event: <Type>` and `data: <base64 of MessagePack(payload)>`. The payload is the event's
 * `data` after a JSON round-trip, and numbers are encoded as floats, as the Go server's re-decoded JSON has them.
 */
export function frameOf(event: LiveEvent): string {
  const payload: unknown = JSON.parse(JSON.stringify(event.data));
  const bytes = encode(payload, { forceIntegerToFloat: true });
  return `event: ${event.type}\ndata: ${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}\n\n`;
}

/**
 * Streams a hub's events for one listener: the `connected` frame first, then every event meant for it, until
 * closed. `ReloadRequired` (sent when the mock's state is replaced: reset or import) is the last frame: the
 * stream ends after it, and a client reconnects to follow the new state.
 */
export function streamEvents(hub: EventHub, who: Listener) {
  return (write: (chunk: string) => boolean, onClose: (fn: () => void) => void, end: () => void): void => {
    write(CONNECTED_FRAME);
    const unsubscribe = hub.subscribe((event) => {
      if (!isFor(event, who)) return;
      write(frameOf(event));
      if (event.type === 'ReloadRequired') {
        unsubscribe();
        end();
      }
    });
    onClose(unsubscribe);
  };
}
