import * as kb from '../domain/knowledge-base.js';
import { ok, type HandlerTable } from './types.js';
import { orgOf } from './context.js';

/** Knowledge Base: thin routes over src/domain/knowledge-base.ts. */
export const knowledgeBaseHandlers = {
  getKnowledgeBaseDocuments: (ctx) => ok('getKnowledgeBaseDocuments', kb.listDocuments(ctx.store, orgOf(ctx), ctx.query)),
  createKnowledgeBaseDocument: (ctx) => ok('createKnowledgeBaseDocument', { document: kb.createDocument(ctx.store, orgOf(ctx), ctx.body) }),
  getKnowledgeBaseDocumentById: (ctx) => ok('getKnowledgeBaseDocumentById', { document: kb.getDocument(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateKnowledgeBaseDocumentById: (ctx) => ok('updateKnowledgeBaseDocumentById', { document: kb.updateDocument(ctx.store, orgOf(ctx), ctx.params.id, ctx.body) }),
  deleteKnowledgeBaseDocumentById: (ctx) => {
    kb.deleteDocument(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteKnowledgeBaseDocumentById', { data: true });
  },
} satisfies Partial<HandlerTable>;
