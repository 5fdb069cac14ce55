/**
 * Organization members: listing, access levels, custom roles and removal.
 */
import type { Store } from '../store/store.js';
import type { ApiMember } from './api-types.js';
import { denied, rejected } from './errors.js';
import { findMember, NOT_PERMITTED, removeMember } from './membership.js';
import { byCreatedAt, meta, pageOf } from './paginate.js';
import { findRole } from './roles.js';
import { serializeMember } from './serialize.js';
import type { SortedPage } from './organizations.js';

/** A member with their roles. */
export function memberView(store: Store, memberId: string): ApiMember {
  return serializeMember(store, memberId, true)!;
}

/** `GET /organization/members`: oldest first unless `sortBy=desc` (the owner who founded it comes first). */
export function listMembers(store: Store, organizationId: string, q: SortedPage) {
  const members = [...store.members.values()].filter((m) => m.organizationId === organizationId).sort(byCreatedAt(q.sortBy ?? 'asc'));
  return { members: pageOf(members, q).map((m) => memberView(store, m.uniqueId)), paginationMeta: meta(q, members.length) };
}

export function getMember(store: Store, organizationId: string, memberId: string): ApiMember {
  return memberView(store, findMember(store, organizationId, memberId).uniqueId);
}

function ownersOf(store: Store, organizationId: string): number {
  let n = 0;
  for (const m of store.members.values()) if (m.organizationId === organizationId && m.accessLevel === 'Owner') n++;
  return n;
}

/**
 * `POST /organization/members/{id}`: changes the access level. Only an Owner can make someone an Owner or
 * change an Owner, and an organization always keeps at least one Owner.
 */
export function updateMemberAccess(store: Store, callerAccess: 'Owner' | 'Member', organizationId: string, memberId: string, accessLevel: 'Owner' | 'Member' | undefined): ApiMember {
  const member = findMember(store, organizationId, memberId);
  if (accessLevel !== undefined && accessLevel !== member.accessLevel) {
    if (callerAccess !== 'Owner') throw denied(NOT_PERMITTED);
    if (member.accessLevel === 'Owner' && ownersOf(store, organizationId) === 1) throw rejected('An organization must keep at least one Owner');
    member.accessLevel = accessLevel;
  }
  return memberView(store, member.uniqueId);
}

/** `DELETE /organization/members/{id}`: the member disappears everywhere (see removeMember). */
export function deleteMember(store: Store, callerAccess: 'Owner' | 'Member', organizationId: string, memberId: string): void {
  const member = findMember(store, organizationId, memberId);
  if (member.accessLevel === 'Owner') {
    if (callerAccess !== 'Owner') throw denied(NOT_PERMITTED);
    if (ownersOf(store, organizationId) === 1) throw rejected('Cannot remove the only Owner of the organization');
  }
  removeMember(store, member);
}

/** `POST /organization/members/{id}/role`: replaces the member's roles; every id must be a role of the organization. */
export function setMemberRoles(store: Store, organizationId: string, memberId: string, roleIds: readonly string[]): void {
  const member = findMember(store, organizationId, memberId);
  const ids = [...new Set(roleIds)];
  for (const id of ids) findRole(store, organizationId, id);
  member.roleIds = ids;
}
