import * as lists from '../domain/lists.js';
import { ok, type HandlerTable } from './types.js';
import { orgOf } from './context.js';

/** Contact lists: thin routes over src/domain/lists.ts. */
export const listHandlers = {
  getContactLists: (ctx) => ok('getContactLists', lists.listLists(ctx.store, orgOf(ctx), ctx.query)),
  createList: (ctx) => ok('createList', { list: lists.createList(ctx.store, orgOf(ctx), ctx.body) }),
  getListById: (ctx) => ok('getListById', { list: lists.getList(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateListById: (ctx) => ok('updateListById', { list: lists.updateList(ctx.store, orgOf(ctx), ctx.params.id, ctx.body) }),
  deleteListById: (ctx) => {
    lists.deleteList(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteListById', { data: true });
  },
} satisfies Partial<HandlerTable>;
