/**
 * Invitations: an Owner (or a member allowed to add members) invites an email address; the invitee opens the
 * invite by its slug and accepts it, which makes them a member. An invitee who already has an account is
 * notified (the notification links to `/invite/<slug>`); one who signs up later is notified when the account
 * is created, so the slug can always be found through `GET /user/notifications`.
 */
import { inviteSlug, type InviteRecord } from '../store/organization-records.js';
import type { Store } from '../store/store.js';
import type { AccessLevel } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { addMember } from './membership.js';
import { byCreatedAt, meta, pageOf } from './paginate.js';
import type { SortedPage } from './organizations.js';

type ApiInvite = Schemas['OrganizationMemberInviteSchema'];

export const INVITE_NOT_FOUND = 'Invite not found';

export function serializeInvite(store: Store, i: InviteRecord): ApiInvite {
  return {
    uniqueId: i.uniqueId,
    email: i.email,
    accessLevel: i.accessLevel,
    createdAt: i.createdAt,
    status: i.status,
    organizationName: store.organizations.get(i.organizationId)?.name ?? '',
  };
}

/** `GET /organization/invites`, newest first unless `sortBy=asc`. */
export function listInvites(store: Store, organizationId: string, q: SortedPage) {
  const invites = [...store.invites.values()].filter((i) => i.organizationId === organizationId).sort(byCreatedAt(q.sortBy ?? 'desc'));
  return { invites: pageOf(invites, q).map((i) => serializeInvite(store, i)), paginationMeta: meta(q, invites.length) };
}

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Tells an existing user about an invite (the notification carries the invite link). */
export function notifyInvitee(store: Store, invite: InviteRecord, userId: string): void {
  const org = store.organizations.get(invite.organizationId);
  const id = store.ids.uuid();
  store.notifications.set(id, {
    uniqueId: id,
    userId,
    organizationId: invite.organizationId,
    type: 'OrganizationInvite',
    title: `You are invited to join ${org?.name ?? 'an organization'}`,
    description: `You were invited to ${org?.name ?? 'an organization'} as ${invite.accessLevel === 'Owner' ? 'an Owner' : 'a Member'}. Open the invitation to accept it.`,
    ctaUrl: `/invite/${invite.slug}`,
    createdAt: store.now(),
    read: false,
  });
}

/** `POST /organization/invites`. */
export function createInvite(store: Store, organizationId: string, email: string, accessLevel: AccessLevel): ApiInvite {
  const address = email.trim().toLowerCase();
  const user = [...store.users.values()].find((u) => sameEmail(u.email, address));
  if (user && store.memberOf(user.uniqueId, organizationId)) throw rejected('User is already a member of this organization');
  for (const i of store.invites.values()) {
    if (i.organizationId === organizationId && i.status === 'Pending' && sameEmail(i.email, address)) throw rejected('User already sent an invite');
  }
  const invite: InviteRecord = {
    uniqueId: store.ids.uuid(),
    slug: inviteSlug(store.ids.faker),
    organizationId,
    email: address,
    accessLevel,
    status: 'Pending',
    createdAt: store.now(),
  };
  store.invites.set(invite.uniqueId, invite);
  if (user) notifyInvitee(store, invite, user.uniqueId);
  return serializeInvite(store, invite);
}

function findBySlug(store: Store, slug: string): InviteRecord {
  for (const i of store.invites.values()) if (i.slug === slug) return i;
  throw missing(INVITE_NOT_FOUND);
}

export function getInviteBySlug(store: Store, slug: string): ApiInvite {
  return serializeInvite(store, findBySlug(store, slug));
}

/**
 * Redeems an invite for the signed-in user (`POST /organization/invite/{slug}/accept` and
 * `POST /auth/join-organization`, which differ only in the wording of the "already used" refusal): the invite
 * must be addressed to the user's email and still pending; the user becomes a member with the invite's access
 * level and the invite is marked Redeemed. Returns the organization id.
 */
export function redeemInvite(store: Store, userId: string, slug: string, usedMessage: string): string {
  const invite = findBySlug(store, slug);
  const user = store.users.get(userId);
  if (!user) throw missing('User not found');
  if (invite.status === 'Redeemed') throw rejected(usedMessage);
  if (!sameEmail(invite.email, user.email)) throw rejected('This invite was sent to another email address');
  if (store.memberOf(userId, invite.organizationId)) throw rejected('User is already a member of this organization');
  addMember(store, userId, invite.organizationId, invite.accessLevel);
  invite.status = 'Redeemed';
  return invite.organizationId;
}

/** Pending invites addressed to an email (used when a new account is created). */
export function pendingInvitesFor(store: Store, email: string): InviteRecord[] {
  return [...store.invites.values()].filter((i) => i.status === 'Pending' && sameEmail(i.email, email));
}
