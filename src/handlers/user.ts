import * as users from '../domain/users.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { callerOf, type HandlerDeps } from './context.js';

/** User: the signed-in account, its notifications and the feature flags. Thin routes over src/domain/users.ts. */
export function userHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getUser: (ctx) => {
      const { userId, organizationId } = callerOf(ctx);
      return ok('getUser', { user: users.getUser(store, userId, organizationId) });
    },
    updateUser: (ctx) => {
      users.updateUser(store, callerOf(ctx).userId, ctx.body);
      return ok('updateUser', { isUpdated: true });
    },
    getUserNotifications: (ctx) => ok('getUserNotifications', users.listNotifications(store, callerOf(ctx).userId, ctx.query)),
    getUserFeatureFlags: () => ok('getUserFeatureFlags', { featureFlags: users.featureFlags() }),
  };
}
