import * as lists from '../domain/lists.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { orgOf, type HandlerDeps } from './context.js';

/** Contact lists: thin routes over src/domain/lists.ts. */
export function listHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getContactLists: (ctx) => ok('getContactLists', lists.listLists(store, orgOf(ctx), ctx.query)),
    createList: (ctx) => ok('createList', { list: lists.createList(store, orgOf(ctx), ctx.body) }),
    getListById: (ctx) => ok('getListById', { list: lists.getList(store, orgOf(ctx), ctx.params.id) }),
    updateListById: (ctx) => ok('updateListById', { list: lists.updateList(store, orgOf(ctx), ctx.params.id, ctx.body) }),
    deleteListById: (ctx) => {
      lists.deleteList(store, orgOf(ctx), ctx.params.id);
      return ok('deleteListById', { data: true });
    },
  };
}
