import * as kb from '../domain/knowledge-base.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { orgOf, type HandlerDeps } from './context.js';

/** Knowledge Base: thin routes over src/domain/knowledge-base.ts. */
export function knowledgeBaseHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getKnowledgeBaseDocuments: (ctx) => ok('getKnowledgeBaseDocuments', kb.listDocuments(store, orgOf(ctx), ctx.query)),
    createKnowledgeBaseDocument: (ctx) => ok('createKnowledgeBaseDocument', { document: kb.createDocument(store, orgOf(ctx), ctx.body) }),
    getKnowledgeBaseDocumentById: (ctx) => ok('getKnowledgeBaseDocumentById', { document: kb.getDocument(store, orgOf(ctx), ctx.params.id) }),
    updateKnowledgeBaseDocumentById: (ctx) => ok('updateKnowledgeBaseDocumentById', { document: kb.updateDocument(store, orgOf(ctx), ctx.params.id, ctx.body) }),
    deleteKnowledgeBaseDocumentById: (ctx) => {
      kb.deleteDocument(store, orgOf(ctx), ctx.params.id);
      return ok('deleteKnowledgeBaseDocumentById', { data: true });
    },
  };
}
