import * as invites from '../domain/invites.js';
import * as members from '../domain/members.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { callerOf, orgOf, type HandlerDeps } from './context.js';

/** Organization members and invitations: thin routes over src/domain/members.ts and invites.ts. */
export function memberHandlers({ store, tokens }: HandlerDeps): HandlerTable {
  return {
    getOrganizationMembers: (ctx) => ok('getOrganizationMembers', members.listMembers(store, orgOf(ctx), ctx.query)),
    getOrganizationMemberById: (ctx) => ok('getOrganizationMemberById', { member: members.getMember(store, orgOf(ctx), ctx.params.id) }),
    updateOrganizationMemberById: (ctx) => {
      const member = members.updateMemberAccess(store, callerOf(ctx).accessLevel, orgOf(ctx), ctx.params.id, ctx.body.accessLevel);
      return ok('updateOrganizationMemberById', { data: { member } });
    },
    deleteOrganizationMemberById: (ctx) => {
      members.deleteMember(store, callerOf(ctx).accessLevel, orgOf(ctx), ctx.params.id);
      return ok('deleteOrganizationMemberById', { data: true });
    },
    updateOrganizationMemberRoleById: (ctx) => {
      members.setMemberRoles(store, orgOf(ctx), ctx.params.id, ctx.body.updatedRoleIds);
      return ok('updateOrganizationMemberRoleById', { isRoleUpdated: true });
    },
    getOrganizationInvites: (ctx) => ok('getOrganizationInvites', invites.listInvites(store, orgOf(ctx), ctx.query)),
    createOrganizationInvite: (ctx) => ok('createOrganizationInvite', { invite: invites.createInvite(store, orgOf(ctx), ctx.body.email, ctx.body.accessLevel) }),
    getOrganizationInviteBySlug: (ctx) => {
      callerOf(ctx);
      return ok('getOrganizationInviteBySlug', { invite: invites.getInviteBySlug(store, ctx.params.slug) });
    },
    acceptOrganizationInvite: async (ctx) => {
      const { userId } = callerOf(ctx);
      const organizationId = invites.redeemInvite(store, userId, ctx.params.slug, 'Invite already redeemed');
      return ok('acceptOrganizationInvite', { token: await tokens.sign(userId, organizationId) });
    },
  };
}
