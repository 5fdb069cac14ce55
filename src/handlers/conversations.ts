import * as conv from '../domain/conversations.js';
import { summarize } from '../domain/summary.js';
import { listMessages } from '../domain/messages.js';
import { missing } from '../domain/errors.js';
import { absolute } from '../domain/serialize.js';
import { ok, type HandlerTable } from '../http/handler-types.js';
import { mediaBytes } from '../world/media-assets.js';
import { orgOf, type HandlerDeps } from './context.js';

/** Conversations and Messages: thin routes over src/domain/conversations.ts. */
export function conversationHandlers({ store }: HandlerDeps): HandlerTable {
  return {
    getConversations: (ctx) => ok('getConversations', conv.listConversations(store, orgOf(ctx), ctx.query, ctx.origin)),
    getConversationById: (ctx) => ok('getConversationById', { conversation: conv.getConversation(store, orgOf(ctx), ctx.params.id, ctx.origin) }),
    updateConversationById: (ctx) =>
      ok('updateConversationById', { conversation: conv.updateConversationStatus(store, orgOf(ctx), ctx.params.id, ctx.body.status, ctx.origin) }),
    deleteConversationById: (ctx) => {
      conv.deleteConversation(store, orgOf(ctx), ctx.params.id);
      return ok('deleteConversationById', { data: true });
    },
    assignConversation: (ctx) => {
      conv.assignConversation(store, orgOf(ctx), ctx.params.id, ctx.body.organizationMemberId);
      return ok('assignConversation', { data: true });
    },
    unassignConversation: (ctx) => {
      conv.unassignConversation(store, orgOf(ctx), ctx.params.id);
      return ok('unassignConversation', { data: true });
    },
    getConversationMessages: (ctx) => ok('getConversationMessages', conv.listConversationMessages(store, orgOf(ctx), ctx.params.id, ctx.query, ctx.origin)),
    sendMessageInConversation: (ctx) => ok('sendMessageInConversation', { message: conv.sendMessage(store, orgOf(ctx), ctx.params.id, ctx.body.messageData, ctx.origin) }),
    uploadFileInConversation: (ctx) => {
      const file = ctx.files.find((f) => f.field === 'file')!;
      const up = conv.uploadMedia(store, orgOf(ctx), ctx.params.id, file);
      return ok('uploadFileInConversation', { mediaId: up.mediaId, mediaUrl: absolute(ctx.origin, up.mediaUrl)! });
    },
    markConversationAsRead: (ctx) => {
      conv.markRead(store, orgOf(ctx), ctx.params.id);
      return ok('markConversationAsRead', { isRead: true });
    },
    createConversation: (ctx) => ok('createConversation', { conversation: conv.startConversation(store, orgOf(ctx), ctx.body.contactId, ctx.body.initialMessage, ctx.origin) }),
    generateConversationSummary: (ctx) => {
      const c = conv.findConversation(store, orgOf(ctx), ctx.params.id);
      return ok('generateConversationSummary', summarize(store, c));
    },
    getConversationMedia: (ctx) => {
      const c = conv.findConversation(store, orgOf(ctx), ctx.params.id);
      const upload = store.uploads.get(ctx.params.mediaId);
      if (upload && upload.conversationId === c.uniqueId) {
        // Serve the uploaded type when the spec documents it for this response, else as plain bytes.
        const documented = Object.keys(ctx.op.responses.get(200)?.content ?? {});
        const contentType = documented.includes(upload.contentType) ? upload.contentType : 'application/octet-stream';
        return { status: 200, raw: upload.bytes, contentType };
      }
      const media = store.world.findMedia(c.uniqueId, ctx.params.mediaId);
      if (!media) throw missing('media url is empty or not found');
      const file = mediaBytes(media.kind);
      return { status: 200, raw: file.body, contentType: file.contentType, headers: { 'Content-Disposition': `inline; filename="${media.fileName}"` } };
    },
    getMessages: (ctx) => ok('getMessages', listMessages(store, orgOf(ctx), ctx.query, ctx.origin)),
  };
}
