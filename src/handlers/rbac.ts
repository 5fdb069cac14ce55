import * as roles from '../domain/roles.js';
import { ok, type HandlerTable } from './types.js';
import { orgOf } from './context.js';

/** Custom roles (`/rbac/roles`): thin routes over src/domain/roles.ts. */
export const rbacHandlers = {
  getOrganizationRoles: (ctx) => ok('getOrganizationRoles', roles.listRoles(ctx.store, orgOf(ctx), ctx.query)),
  // The real server answers 201; the spec keeps the documented 200.
  createOrganizationRole: (ctx) => ok('createOrganizationRole', { role: roles.createRole(ctx.store, orgOf(ctx), ctx.body) }),
  getOrganizationRoleById: (ctx) => ok('getOrganizationRoleById', { role: roles.getRole(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateOrganizationRoleById: (ctx) => ok('updateOrganizationRoleById', { role: roles.updateRole(ctx.store, orgOf(ctx), ctx.params.id, ctx.body) }),
  deleteOrganizationRoleById: (ctx) => {
    roles.deleteRole(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteOrganizationRoleById', { data: true });
  },
} satisfies Partial<HandlerTable>;
