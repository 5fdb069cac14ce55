import * as orgs from '../domain/organizations.js';
import { createTag, listTags } from '../domain/tags.js';
import { ok, type HandlerTable } from './types.js';
import { callerOf, orgOf } from './context.js';

/** Organization: the caller's organizations, settings, tags, WhatsApp templates and phone numbers, integrations. */
export const organizationHandlers = {
  getUserOrganizations: (ctx) => ok('getUserOrganizations', orgs.listUserOrganizations(ctx.store, callerOf(ctx).userId, ctx.query)),
  createOrganization: (ctx) => ok('createOrganization', { organization: orgs.createOrganization(ctx.store, callerOf(ctx).userId, ctx.body) }),
  getOrganizationById: (ctx) => ok('getOrganizationById', { organization: orgs.getOrganization(ctx.store, callerOf(ctx).userId, ctx.params.id) }),
  updateOrganization: (ctx) => {
    orgs.updateOrganization(ctx.store, callerOf(ctx).userId, ctx.params.id, ctx.body);
    return ok('updateOrganization', { isUpdated: true });
  },
  transferOrganizationOwnership: (ctx) => {
    orgs.transferOwnership(ctx.store, callerOf(ctx).userId, ctx.params.id, ctx.body.newOwnerId);
    return ok('transferOrganizationOwnership', { isTransferred: true });
  },
  getAIConfiguration: (ctx) => ok('getAIConfiguration', { aiConfiguration: orgs.aiConfiguration(ctx.store, orgOf(ctx)) }),
  updateWhatsappBusinessAccountDetails: (ctx) => ok('updateWhatsappBusinessAccountDetails', orgs.connectBusinessAccount(ctx.store, orgOf(ctx), ctx.body)),
  getAllTemplates: (ctx) => ok('getAllTemplates', orgs.listTemplates(ctx.store, orgOf(ctx))),
  getTemplateById: (ctx) => ok('getTemplateById', { template: orgs.getTemplate(ctx.store, orgOf(ctx), ctx.params.id) }),
  getAllPhoneNumbers: (ctx) => ok('getAllPhoneNumbers', orgs.listPhoneNumbers(ctx.store, orgOf(ctx))),
  getPhoneNumberById: (ctx) => ok('getPhoneNumberById', orgs.getPhoneNumber(ctx.store, orgOf(ctx), ctx.params.id)),
  getOrganizationTags: (ctx) => ok('getOrganizationTags', listTags(ctx.store, orgOf(ctx), ctx.query)),
  createOrganizationTag: (ctx) => ok('createOrganizationTag', { tag: createTag(ctx.store, orgOf(ctx), ctx.body.label) }),
  // No integration is installable in the community edition: an empty page, as the real server answers.
  getIntegrations: (ctx) => {
    orgOf(ctx);
    return ok('getIntegrations', { integrations: [], paginationMeta: { page: ctx.query.page ?? 1, per_page: ctx.query.per_page ?? 10, total: 0 } });
  },
} satisfies Partial<HandlerTable>;
