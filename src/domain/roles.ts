/**
 * Custom roles (`/rbac/roles`): named permission sets that members hold. Changes apply at once: permissions
 * are looked up on every request, and a deleted role disappears from its members.
 */
import type { Mutable, Store } from '../store/store.js';
import type { RolePermission, RoleRecord } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { missing, rejected } from './errors.js';
import { byCreatedAt, meta, pageOf } from './paginate.js';
import type { SortedPage } from './organizations.js';

type ApiRole = Schemas['OrganizationRoleSchema'];
type RoleInput = Schemas['NewOrganizationRoleSchema'];

export const ROLE_NOT_FOUND = 'Role not found';

export function serializeRole(r: RoleRecord): ApiRole {
  return { uniqueId: r.uniqueId, name: r.name, ...(r.description ? { description: r.description } : {}), permissions: [...r.permissions] };
}

export function findRole(store: Store, organizationId: string, id: string): Mutable<RoleRecord> {
  const r = store.roles.get(id);
  if (!r || r.organizationId !== organizationId) throw missing(ROLE_NOT_FOUND);
  return r;
}

/** `GET /rbac/roles`, oldest first unless `sortBy=desc`. */
export function listRoles(store: Store, organizationId: string, q: SortedPage) {
  const roles = [...store.roles.values()].filter((r) => r.organizationId === organizationId).sort(byCreatedAt(q.sortBy ?? 'asc'));
  return { roles: pageOf(roles, q).map(serializeRole), paginationMeta: meta(q, roles.length) };
}

function checkName(store: Store, organizationId: string, name: string, exceptId?: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw rejected('Role name is required');
  for (const r of store.roles.values()) {
    if (r.organizationId === organizationId && r.uniqueId !== exceptId && r.name.toLowerCase() === trimmed.toLowerCase()) throw rejected('Role already exists');
  }
  return trimmed;
}

export function createRole(store: Store, organizationId: string, body: RoleInput): ApiRole {
  const role: Mutable<RoleRecord> = {
    uniqueId: store.ids.uuid(),
    organizationId,
    name: checkName(store, organizationId, body.name),
    description: body.description ?? '',
    permissions: [...new Set(body.permissions)] as RolePermission[],
    createdAt: store.now(),
  };
  store.roles.set(role.uniqueId, role);
  return serializeRole(role);
}

export function getRole(store: Store, organizationId: string, id: string): ApiRole {
  return serializeRole(findRole(store, organizationId, id));
}

export function updateRole(store: Store, organizationId: string, id: string, body: Schemas['RoleUpdateSchema']): ApiRole {
  const role = findRole(store, organizationId, id);
  role.name = checkName(store, organizationId, body.name, id);
  if (body.description !== undefined) role.description = body.description;
  role.permissions = [...new Set(body.permissions)] as RolePermission[];
  return serializeRole(role);
}

/** Deletes the role and takes it away from every member who held it. */
export function deleteRole(store: Store, organizationId: string, id: string): void {
  const role = findRole(store, organizationId, id);
  store.roles.delete(role.uniqueId);
  for (const m of store.members.values()) {
    if (m.organizationId === organizationId && m.roleIds.includes(role.uniqueId)) m.roleIds = m.roleIds.filter((r) => r !== role.uniqueId);
  }
}
