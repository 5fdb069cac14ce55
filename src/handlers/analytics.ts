import * as analytics from '../domain/analytics.js';
import { findCampaign } from '../domain/campaigns.js';
import { ok, type HandlerTable } from './types.js';
import { orgOf } from './context.js';

const DAYS_30 = 30 * 86_400_000;

/** Analytics: thin routes over src/domain/analytics.ts. */
export const analyticsHandlers = {
  getAggregateCounts: (ctx) => ok('getAggregateCounts', analytics.aggregateCounts(ctx.store, orgOf(ctx), analytics.rangeOf(ctx.query.from, ctx.query.to))),
  getAggregateCampaignAnalytics: (ctx) =>
    ok('getAggregateCampaignAnalytics', { analytics: analytics.aggregateCampaignAnalytics(ctx.store, orgOf(ctx), analytics.rangeOf(ctx.query.from, ctx.query.to)) }),
  getConversationAnalytics: (ctx) => {
    // `from` and `to` are optional in the spec: a missing end means the 30 days up to now.
    const range = analytics.rangeOf(ctx.query.from, ctx.query.to, () => {
      const to = ctx.query.to ?? ctx.store.now();
      return { from: new Date(Date.parse(to) - DAYS_30).toISOString(), to };
    });
    return ok('getConversationAnalytics', analytics.conversationAnalytics(ctx.store, orgOf(ctx), range));
  },
  getCampaignAnalyticsById: (ctx) => ok('getCampaignAnalyticsById', analytics.campaignAnalytics(ctx.store, findCampaign(ctx.store, orgOf(ctx), ctx.params.campaignId))),
} satisfies Partial<HandlerTable>;
