import * as users from '../domain/users.js';
import { ok, type HandlerTable } from './types.js';
import { callerOf } from './context.js';

/** User: the signed-in account, its notifications and the feature flags. Thin routes over src/domain/users.ts. */
export const userHandlers = {
  getUser: (ctx) => {
    const { userId, organizationId } = callerOf(ctx);
    return ok('getUser', { user: users.getUser(ctx.store, userId, organizationId) });
  },
  updateUser: (ctx) => {
    users.updateUser(ctx.store, callerOf(ctx).userId, ctx.body);
    return ok('updateUser', { isUpdated: true });
  },
  getUserNotifications: (ctx) => ok('getUserNotifications', users.listNotifications(ctx.store, callerOf(ctx).userId, ctx.query)),
  getUserFeatureFlags: () => ok('getUserFeatureFlags', { featureFlags: users.featureFlags() }),
} satisfies Partial<HandlerTable>;
