import { API_KEY_SECONDS } from '../auth/tokens.js';
import { readApiKey, replaceApiKey, serializeApiKey } from '../domain/api-keys.js';
import * as auth from '../domain/auth.js';
import { missing, rejected } from '../domain/errors.js';
import { redeemInvite } from '../domain/invites.js';
import { ok, type HandlerTable } from './types.js';
import type { Store } from '../store/store.js';
import { callerOf, orgOf } from './context.js';

/** The organization a fresh session is scoped to: the main one for the demo accounts, else the oldest membership. */
function defaultOrganization(store: Store, userId: string): string {
  if (store.memberOf(userId, store.world.mainOrganizationId)) return store.world.mainOrganizationId;
  const memberships = [...store.members.values()].filter((m) => m.userId === userId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  return memberships[0]?.organizationId ?? '';
}

export const authHandlers = {
  login: async (ctx) => {
    const { username, password } = ctx.body;
    if (!username.trim() || !password) throw rejected('Username / password is required');
    const user = ctx.store.userByLogin(username);
    if (!user || user.password !== password || user.status !== 'Active') throw missing('Invalid email / password');
    const organizationId = defaultOrganization(ctx.store, user.uniqueId);
    const token = await ctx.tokens.sign(user.uniqueId, organizationId);
    // Onboarding ends with creating or joining an organization.
    return ok('login', { token, isOnboardingCompleted: organizationId !== '' });
  },
  register: (ctx) => {
    auth.register(ctx.store, ctx.body);
    return ok('register', { isOtpSent: true });
  },
  verifyOtp: async (ctx) => {
    const user = auth.verifyEmail(ctx.store, ctx.body);
    return ok('verifyOtp', { token: await ctx.tokens.sign(user.uniqueId, '') });
  },
  resetPasswordInit: (ctx) => {
    auth.startPasswordReset(ctx.store, ctx.body.email);
    return ok('resetPasswordInit', { isOtpSent: true });
  },
  resetPasswordVerify: (ctx) => {
    auth.verifyPasswordReset(ctx.store, ctx.body.email, ctx.body.otp);
    return ok('resetPasswordVerify', { isVerified: true });
  },
  resetPasswordComplete: (ctx) => {
    auth.completePasswordReset(ctx.store, ctx.body.email, ctx.body.password);
    return ok('resetPasswordComplete', { isPasswordReset: true });
  },
  switchOrganization: async (ctx) => {
    const caller = callerOf(ctx);
    const organizationId = auth.switchTarget(ctx.store, caller.userId, caller.organizationId, ctx.body.organizationId);
    return ok('switchOrganization', { token: await ctx.tokens.sign(caller.userId, organizationId) });
  },
  joinOrganization: async (ctx) => {
    const caller = callerOf(ctx);
    const organizationId = redeemInvite(ctx.store, caller.userId, ctx.body.inviteSlug.trim(), 'Invite already accepted');
    return ok('joinOrganization', { token: await ctx.tokens.sign(caller.userId, organizationId) });
  },
  getApiKeys: async (ctx) => {
    const organizationId = orgOf(ctx);
    const { userId, memberId } = callerOf(ctx);
    const apiKey = await readApiKey(ctx.store, memberId, (issuedAt) => ctx.tokens.sign(userId, organizationId, API_KEY_SECONDS, issuedAt));
    return ok('getApiKeys', { apiKey });
  },
  regenerateApiKey: async (ctx) => {
    const organizationId = orgOf(ctx);
    const { userId, memberId } = callerOf(ctx);
    const key = await ctx.tokens.sign(userId, organizationId, API_KEY_SECONDS);
    return ok('regenerateApiKey', { apiKey: serializeApiKey(replaceApiKey(ctx.store, memberId, key)) });
  },
} satisfies Partial<HandlerTable>;
