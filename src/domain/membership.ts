/**
 * Joining and leaving an organization, the one place that keeps everything a membership touches in step:
 * the member record, the member's Default Chat and API key, conversation assignments and notifications.
 */
import type { Mutable, Store } from '../store/store.js';
import { defaultChat } from '../store/organization-records.js';
import type { AccessLevel, MemberRecord, RolePermission } from '../world/model.js';
import { denied, missing } from './errors.js';

export const ORGANIZATION_NOT_FOUND = 'Organization not found';
export const MEMBER_NOT_FOUND = 'Member not found';
export const NOT_PERMITTED = 'You are not authorized to access this resource.';

/** The organization, if the user is one of its members (a non-member cannot tell it from a missing one). */
export function organizationOfMember(store: Store, userId: string, organizationId: string) {
  const org = store.organizations.get(organizationId);
  const member = org ? store.memberOf(userId, organizationId) : undefined;
  if (!org || !member) throw missing(ORGANIZATION_NOT_FOUND);
  return { org, member };
}

/**
 * The one access rule for permissions: an Owner may do anything; any other member needs every permission
 * asked for through one of their roles. The pipeline applies it to an operation's permissions, the domain to
 * the permission of a particular act.
 */
export function holdsPermissions(member: { accessLevel: AccessLevel }, granted: ReadonlySet<string>, required: readonly string[]): boolean {
  return member.accessLevel === 'Owner' || required.every((p) => granted.has(p));
}

/** Throws the 401 of a member who lacks `permission` (see holdsPermissions). */
export function requirePermission(store: Store, member: MemberRecord, permission: RolePermission): void {
  if (member.accessLevel === 'Owner') return;
  if (!holdsPermissions(member, store.permissionsOf(member), [permission])) throw denied(NOT_PERMITTED);
}

/** A member of the organization, by member id. */
export function findMember(store: Store, organizationId: string, memberId: string): Mutable<MemberRecord> {
  const m = store.members.get(memberId);
  if (!m || m.organizationId !== organizationId) throw missing(MEMBER_NOT_FOUND);
  return m;
}

/** Adds a user to an organization with a Default Chat, and tells the owners. */
export function addMember(store: Store, userId: string, organizationId: string, accessLevel: AccessLevel): Mutable<MemberRecord> {
  const createdAt = store.now();
  const member: Mutable<MemberRecord> = { uniqueId: store.ids.uuid(), userId, organizationId, accessLevel, roleIds: [], createdAt };
  const owners = [...store.members.values()].filter((m) => m.organizationId === organizationId && m.accessLevel === 'Owner');
  store.members.set(member.uniqueId, member);
  const chat = defaultChat(store.ids.uuid(), organizationId, userId, createdAt);
  store.aiChats.set(chat.uniqueId, chat);
  store.aiChatMessages.set(chat.uniqueId, []);
  const user = store.users.get(userId);
  const org = store.organizations.get(organizationId);
  for (const owner of owners) {
    const id = store.ids.uuid();
    store.notifications.set(id, {
      uniqueId: id,
      userId: owner.userId,
      organizationId,
      type: 'MemberJoined',
      title: `${user?.name ?? 'A new member'} joined ${org?.name ?? 'your organization'}`,
      description: `${user?.name ?? 'Someone'} (${user?.email ?? ''}) joined as a ${accessLevel}.`,
      ctaUrl: '/settings/members',
      createdAt,
      read: false,
    });
  }
  return member;
}

/**
 * Removes a member: the membership, their API key and AI chats go, conversations assigned to them become
 * unassigned. Their tokens stop working at once (the token check looks the membership up on every request),
 * and their open event streams end (the access-change signal makes each stream check its token again).
 */
export function removeMember(store: Store, member: MemberRecord): void {
  store.members.delete(member.uniqueId);
  store.apiKeys.delete(member.uniqueId);
  for (const c of store.conversations.values()) {
    if (c.assignedToMemberId === member.uniqueId) delete c.assignedToMemberId;
  }
  for (const chat of [...store.aiChats.values()]) {
    if (chat.organizationId !== member.organizationId || chat.userId !== member.userId) continue;
    store.aiChats.delete(chat.uniqueId);
    store.aiChatMessages.delete(chat.uniqueId);
    for (const v of [...store.aiVotes.values()]) if (v.chatId === chat.uniqueId) store.aiVotes.delete(v.uniqueId);
  }
  store.events.accessChanged();
}
