import { type HandlerTable } from './types.js';
import { ACCESS_ENDED_FRAME, streamEvents } from './event-stream.js';

const AUTH_FAILED = new TextEncoder().encode(ACCESS_ENDED_FRAME);

/** `GET /events`: the live event stream of the caller (token in `?token=`, checked by the pipeline). */
export const eventHandlers = {
  getSSEUpdates: async (ctx) => {
    const caller = ctx.caller;
    // A token not scoped to an organization cannot follow one (the real server panics here).
    const grant = ctx.token === undefined ? undefined : await ctx.tokens.grantOf(ctx.token);
    if (!caller?.organizationId || !grant) return { status: 401, raw: AUTH_FAILED, contentType: 'text/event-stream' };
    // The open stream keeps asking the same question the router asked of this token.
    const stillAllowed = () => ctx.tokens.callerOf(grant) !== undefined;
    return { status: 200, contentType: 'text/event-stream', stream: streamEvents(ctx.store.events, { userId: caller.userId, organizationId: caller.organizationId, apiBase: ctx.apiBase }, stillAllowed) };
  },
} satisfies Partial<HandlerTable>;
