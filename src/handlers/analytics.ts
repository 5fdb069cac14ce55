import * as analytics from '../domain/analytics.js';
import { findCampaign } from '../domain/campaigns.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { orgOf, type HandlerDeps } from './context.js';

const DAYS_30 = 30 * 86_400_000;

/** Analytics: thin routes over src/domain/analytics.ts. */
export function analyticsHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getAggregateCounts: (ctx) => ok('getAggregateCounts', analytics.aggregateCounts(store, orgOf(ctx), analytics.rangeOf(ctx.query.from, ctx.query.to))),
    getAggregateCampaignAnalytics: (ctx) =>
      ok('getAggregateCampaignAnalytics', { analytics: analytics.aggregateCampaignAnalytics(store, orgOf(ctx), analytics.rangeOf(ctx.query.from, ctx.query.to)) }),
    getConversationAnalytics: (ctx) => {
      // `from` and `to` are optional in the spec: a missing end means the 30 days up to now.
      const range = analytics.rangeOf(ctx.query.from, ctx.query.to, () => {
        const to = ctx.query.to ?? store.now();
        return { from: new Date(Date.parse(to) - DAYS_30).toISOString(), to };
      });
      return ok('getConversationAnalytics', analytics.conversationAnalytics(store, orgOf(ctx), range));
    },
    getCampaignAnalyticsById: (ctx) => ok('getCampaignAnalyticsById', analytics.campaignAnalytics(store, findCampaign(store, orgOf(ctx), ctx.params.campaignId))),
  };
}
