import * as campaigns from '../domain/campaigns.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { callerOf, orgOf, type HandlerDeps } from './context.js';

/** Campaigns: thin routes over src/domain/campaigns.ts (sending is src/domain/campaign-runner.ts). */
export function campaignHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getCampaigns: (ctx) => ok('getCampaigns', campaigns.listCampaigns(store, orgOf(ctx), ctx.query)),
    createCampaign: (ctx) => ok('createCampaign', { campaign: campaigns.createCampaign(store, orgOf(ctx), callerOf(ctx).memberId, ctx.body) }),
    getCampaignById: (ctx) => ok('getCampaignById', { campaign: campaigns.getCampaign(store, orgOf(ctx), ctx.params.id) }),
    updateCampaignById: (ctx) => {
      campaigns.updateCampaign(store, orgOf(ctx), ctx.params.id, ctx.body);
      return ok('updateCampaignById', { isUpdated: true });
    },
    deleteCampaignById: (ctx) => {
      campaigns.deleteCampaign(store, orgOf(ctx), ctx.params.id);
      return ok('deleteCampaignById', { data: true });
    },
  };
}
