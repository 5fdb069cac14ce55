import { encode } from '@msgpack/msgpack';
import type { EventHub, LiveEvent } from '../store/events.js';

/** Who is listening on one `GET /events` connection. */
export interface Listener {
  userId: string;
  organizationId: string;
}

export const CONNECTED_FRAME = 'event: connected\ndata: OK\n\n';

/**
 * The last frame of a stream whose token stopped granting access (member removed, user or organization gone,
 * token expired): the same bytes as the 401 body a refused connection gets, which is what the client's
 * reconnection then receives.
 */
export const ACCESS_ENDED_FRAME = 'event: error\ndata: Authorization failed\n\n';

/** How often an open stream checks its token when nothing prompts it (an expiry while no event comes). */
export const ACCESS_RECHECK_MS = 1000;

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

/** Each event's frame, encoded once however many streams send it (they then queue one shared string). */
const encoded = new WeakMap<LiveEvent, string>();

function sharedFrameOf(event: LiveEvent): string {
  let frame = encoded.get(event);
  if (frame === undefined) {
    frame = frameOf(event);
    encoded.set(event, frame);
  }
  return frame;
}

/**
 * Streams a hub's events for one listener: the `connected` frame first, then every event meant for it, until
 * closed. `ReloadRequired` (sent when the mock's state is replaced: reset or import) is the last frame: the
 * stream ends after it, and a client reconnects to follow the new state.
 *
 * `stillAllowed` re-checks the connection's token (the rule REST calls follow). It runs before each event is
 * delivered, whenever the domain signals an access change, and every ACCESS_RECHECK_MS; once it fails the
 * stream sends ACCESS_ENDED_FRAME and ends, so nothing published after the loss of access reaches it.
 */
export function streamEvents(hub: EventHub, who: Listener, stillAllowed: () => boolean) {
  return (write: (chunk: string) => boolean, onClose: (fn: () => void) => void, end: () => void): void => {
    let open = true;
    const stop = () => {
      open = false;
      unsubscribe();
      stopWatching();
      clearInterval(recheck);
    };
    const finish = (lastFrame: string) => {
      if (!open) return;
      stop();
      write(lastFrame);
      end();
    };
    /** Ends the stream when its token no longer grants access; true while it goes on. */
    const allowed = (): boolean => {
      if (open && !stillAllowed()) finish(ACCESS_ENDED_FRAME);
      return open;
    };

    write(CONNECTED_FRAME);
    const unsubscribe = hub.subscribe((event) => {
      if (!isFor(event, who) || !allowed()) return;
      if (event.type === 'ReloadRequired') finish(sharedFrameOf(event));
      else write(sharedFrameOf(event));
    });
    const stopWatching = hub.onAccessChange(allowed);
    const recheck = setInterval(allowed, ACCESS_RECHECK_MS).unref();
    onClose(() => {
      if (open) stop();
    });
  };
}
