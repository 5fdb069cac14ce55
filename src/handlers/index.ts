import { aiHandlers } from './ai.js';
import { analyticsHandlers } from './analytics.js';
import { authHandlers } from './auth.js';
import { campaignHandlers } from './campaigns.js';
import { contactHandlers } from './contacts.js';
import { conversationHandlers } from './conversations.js';
import { eventHandlers } from './events.js';
import { knowledgeBaseHandlers } from './knowledge-base.js';
import { listHandlers } from './lists.js';
import { memberHandlers } from './members.js';
import { organizationHandlers } from './organization.js';
import { rbacHandlers } from './rbac.js';
import { systemHandlers } from './system.js';
import type { HandlerTable } from './types.js';
import { userHandlers } from './user.js';

export type { HandlerTable, Handler, RequestContext, Reply, Services } from './types.js';

/**
 * Every operation's handler, by operationId: one static table, built once. Handlers read the store and the
 * token service from their request context, so replacing the store (reset, state import) rebuilds nothing.
 * `satisfies HandlerTable`: an operation of the spec without a handler here is a compile error.
 */
export const handlers = {
  ...systemHandlers,
  ...authHandlers,
  ...userHandlers,
  ...organizationHandlers,
  ...memberHandlers,
  ...rbacHandlers,
  ...aiHandlers,
  ...knowledgeBaseHandlers,
  ...conversationHandlers,
  ...contactHandlers,
  ...listHandlers,
  ...campaignHandlers,
  ...analyticsHandlers,
  ...eventHandlers,
} satisfies HandlerTable;
