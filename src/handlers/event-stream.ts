import { encode } from '@msgpack/msgpack';
import type { EventHub, LiveEvent } from '../store/events.js';
import { withAbsoluteLinks } from '../pipeline/links.js';
import { base64FromBytes } from '../util/bytes.js';
import { unrefTimer } from '../util/timers.js';

/** Who is listening on one `GET /events` connection. */
export interface Listener {
  userId: string;
  organizationId: string;
  /** The origin and base path the listener connected with, e.g. `http://127.0.0.1:4010/api`: its media links go under it. */
  apiBase: string;
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
export function isFor(event: LiveEvent, who: Pick<Listener, 'userId' | 'organizationId'>): boolean {
  if (event.organizationId !== undefined && event.organizationId !== who.organizationId) return false;
  if (event.userId !== undefined && event.userId !== who.userId) return false;
  return true;
}

/**
 * One SSE frame: `event: <Type>` and `data: <base64 of MessagePack(payload)>`. The payload is the event's
 * `data` after a JSON round-trip, and numbers are encoded as floats, as the Go server's re-decoded JSON has them.
 * Media links in it (published relative, as the domain keeps them) are made absolute under `apiBase`, the origin
 * and base path the listener connected with.
 */
export function frameOf(event: LiveEvent, apiBase: string): string {
  const payload: unknown = JSON.parse(JSON.stringify(withAbsoluteLinks(event.data, apiBase)));
  const bytes = encode(payload, { forceIntegerToFloat: true });
  return `event: ${event.type}\ndata: ${base64FromBytes(bytes)}\n\n`;
}

/**
 * Each event's frames by the listeners' `apiBase`, encoded once per base however many streams send it (they
 * then queue one shared string).
 */
const encoded = new WeakMap<LiveEvent, Map<string, string>>();

function sharedFrameOf(event: LiveEvent, apiBase: string): string {
  let byBase = encoded.get(event);
  if (byBase === undefined) {
    byBase = new Map();
    encoded.set(event, byBase);
  }
  let frame = byBase.get(apiBase);
  if (frame === undefined) {
    frame = frameOf(event, apiBase);
    byBase.set(apiBase, frame);
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
      if (event.type === 'ReloadRequired') finish(sharedFrameOf(event, who.apiBase));
      else write(sharedFrameOf(event, who.apiBase));
    });
    const stopWatching = hub.onAccessChange(allowed);
    const recheck = setInterval(allowed, ACCESS_RECHECK_MS);
    unrefTimer(recheck);
    onClose(() => {
      if (open) stop();
    });
  };
}
