import type { HandlerTable } from '../http/handler-types.js';
import { authHandlers } from './auth.js';
import { aiHandlers } from './ai.js';
import { knowledgeBaseHandlers } from './knowledge-base.js';
import { memberHandlers } from './members.js';
import { organizationHandlers } from './organization.js';
import { rbacHandlers } from './rbac.js';
import { userHandlers } from './user.js';
import { conversationHandlers } from './conversations.js';
import { analyticsHandlers } from './analytics.js';
import { campaignHandlers } from './campaigns.js';
import { contactHandlers } from './contacts.js';
import { eventHandlers } from './events.js';
import { listHandlers } from './lists.js';
import type { HandlerDeps } from './context.js';
import { systemHandlers } from './system.js';

export type { HandlerDeps } from './context.js';

/** Every operation's handler, by operationId. */
export function allHandlers(deps: HandlerDeps): HandlerTable {
  return {
    ...systemHandlers(deps),
    ...authHandlers(deps),
    ...userHandlers(deps),
    ...organizationHandlers(deps),
    ...memberHandlers(deps),
    ...rbacHandlers(deps),
    ...aiHandlers(deps),
    ...knowledgeBaseHandlers(deps),
    ...conversationHandlers(deps),
    ...contactHandlers(deps),
    ...listHandlers(deps),
    ...campaignHandlers(deps),
    ...analyticsHandlers(deps),
    ...eventHandlers(deps),
  };
}
