import { type HandlerTable } from '../http/handler-types.js';
import { ACCESS_ENDED_FRAME, streamEvents } from '../http/events-stream.js';
import type { HandlerDeps } from './context.js';

const AUTH_FAILED = Buffer.from(ACCESS_ENDED_FRAME);

/** `GET /events`: the live event stream of the caller (token in `?token=`, checked by the router). */
export function eventHandlers({ store, tokens }: HandlerDeps): HandlerTable {
  return {
    getSSEUpdates: async (ctx) => {
      const caller = ctx.caller;
      // A token not scoped to an organization cannot follow one (the real server panics here).
      const grant = ctx.token === undefined ? undefined : await tokens.grantOf(ctx.token);
      if (!caller?.organizationId || !grant) return { status: 401, raw: AUTH_FAILED, contentType: 'text/event-stream' };
      // The open stream keeps asking the same question the router asked of this token.
      const stillAllowed = () => tokens.callerOf(grant) !== undefined;
      return { status: 200, contentType: 'text/event-stream', stream: streamEvents(store.events, { userId: caller.userId, organizationId: caller.organizationId }, stillAllowed) };
    },
  };
}
