import { type HandlerTable } from '../http/handler-types.js';
import { streamEvents } from '../http/events-stream.js';
import type { HandlerDeps } from './context.js';

const AUTH_FAILED = Buffer.from('event: error\ndata: Authorization failed\n\n');

/** `GET /events`: the live event stream of the caller (token in `?token=`, checked by the router). */
export function eventHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getSSEUpdates: (ctx) => {
      const caller = ctx.caller;
      // A token not scoped to an organization cannot follow one (the real server panics here).
      if (!caller?.organizationId) return { status: 401, raw: AUTH_FAILED, contentType: 'text/event-stream' };
      return { status: 200, contentType: 'text/event-stream', stream: streamEvents(store.events, { userId: caller.userId, organizationId: caller.organizationId }) };
    },
  };
}
