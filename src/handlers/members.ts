import * as invites from '../domain/invites.js';
import * as members from '../domain/members.js';
import { ok, type HandlerTable } from './types.js';
import { callerOf, orgOf } from './context.js';

/** Organization members and invitations: thin routes over src/domain/members.ts and invites.ts. */
export const memberHandlers = {
  getOrganizationMembers: (ctx) => ok('getOrganizationMembers', members.listMembers(ctx.store, orgOf(ctx), ctx.query)),
  getOrganizationMemberById: (ctx) => ok('getOrganizationMemberById', { member: members.getMember(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateOrganizationMemberById: (ctx) => {
    const member = members.updateMemberAccess(ctx.store, callerOf(ctx).accessLevel, orgOf(ctx), ctx.params.id, ctx.body.accessLevel);
    return ok('updateOrganizationMemberById', { data: { member } });
  },
  deleteOrganizationMemberById: (ctx) => {
    members.deleteMember(ctx.store, callerOf(ctx).accessLevel, orgOf(ctx), ctx.params.id);
    return ok('deleteOrganizationMemberById', { data: true });
  },
  updateOrganizationMemberRoleById: (ctx) => {
    members.setMemberRoles(ctx.store, orgOf(ctx), ctx.params.id, ctx.body.updatedRoleIds);
    return ok('updateOrganizationMemberRoleById', { isRoleUpdated: true });
  },
  getOrganizationInvites: (ctx) => ok('getOrganizationInvites', invites.listInvites(ctx.store, orgOf(ctx), ctx.query)),
  createOrganizationInvite: (ctx) => ok('createOrganizationInvite', { invite: invites.createInvite(ctx.store, orgOf(ctx), ctx.body.email, ctx.body.accessLevel) }),
  getOrganizationInviteBySlug: (ctx) => {
    callerOf(ctx);
    return ok('getOrganizationInviteBySlug', { invite: invites.getInviteBySlug(ctx.store, ctx.params.slug) });
  },
  acceptOrganizationInvite: async (ctx) => {
    const { userId } = callerOf(ctx);
    const organizationId = invites.redeemInvite(ctx.store, userId, ctx.params.slug, 'Invite already redeemed');
    return ok('acceptOrganizationInvite', { token: await ctx.tokens.sign(userId, organizationId) });
  },
} satisfies Partial<HandlerTable>;
