import * as campaigns from '../domain/campaigns.js';
import { ok, type HandlerTable } from './types.js';
import { callerOf, orgOf } from './context.js';

/** Campaigns: thin routes over src/domain/campaigns.ts (sending is src/domain/campaign-runner.ts). */
export const campaignHandlers = {
  getCampaigns: (ctx) => ok('getCampaigns', campaigns.listCampaigns(ctx.store, orgOf(ctx), ctx.query)),
  createCampaign: (ctx) => ok('createCampaign', { campaign: campaigns.createCampaign(ctx.store, orgOf(ctx), callerOf(ctx).memberId, ctx.body) }),
  getCampaignById: (ctx) => ok('getCampaignById', { campaign: campaigns.getCampaign(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateCampaignById: (ctx) => {
    campaigns.updateCampaign(ctx.store, orgOf(ctx), ctx.params.id, ctx.body);
    return ok('updateCampaignById', { isUpdated: true });
  },
  deleteCampaignById: (ctx) => {
    campaigns.deleteCampaign(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteCampaignById', { data: true });
  },
} satisfies Partial<HandlerTable>;
