import * as roles from '../domain/roles.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { orgOf, type HandlerDeps } from './context.js';

/** Custom roles (`/rbac/roles`): thin routes over src/domain/roles.ts. */
export function rbacHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getOrganizationRoles: (ctx) => ok('getOrganizationRoles', roles.listRoles(store, orgOf(ctx), ctx.query)),
    // The real server answers 201; the spec keeps the documented 200.
    createOrganizationRole: (ctx) => ok('createOrganizationRole', { role: roles.createRole(store, orgOf(ctx), ctx.body) }),
    getOrganizationRoleById: (ctx) => ok('getOrganizationRoleById', { role: roles.getRole(store, orgOf(ctx), ctx.params.id) }),
    updateOrganizationRoleById: (ctx) => ok('updateOrganizationRoleById', { role: roles.updateRole(store, orgOf(ctx), ctx.params.id, ctx.body) }),
    deleteOrganizationRoleById: (ctx) => {
      roles.deleteRole(store, orgOf(ctx), ctx.params.id);
      return ok('deleteOrganizationRoleById', { data: true });
    },
  };
}
