import * as conv from '../domain/conversations.js';
import { summarize } from '../domain/summary.js';
import { listMessages } from '../domain/messages.js';
import { missing } from '../domain/errors.js';
import { absolute } from '../pipeline/links.js';
import { ok, type HandlerTable } from './types.js';
import { mediaBytes } from '../world/media-assets.js';
import { orgOf } from './context.js';

/** Conversations and Messages: thin routes over src/domain/conversations.ts. */
export const conversationHandlers = {
  getConversations: (ctx) => ok('getConversations', conv.listConversations(ctx.store, orgOf(ctx), ctx.query)),
  getConversationById: (ctx) => ok('getConversationById', { conversation: conv.getConversation(ctx.store, orgOf(ctx), ctx.params.id) }),
  updateConversationById: (ctx) =>
    ok('updateConversationById', { conversation: conv.updateConversationStatus(ctx.store, orgOf(ctx), ctx.params.id, ctx.body.status) }),
  deleteConversationById: (ctx) => {
    conv.deleteConversation(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('deleteConversationById', { data: true });
  },
  assignConversation: (ctx) => {
    conv.assignConversation(ctx.store, orgOf(ctx), ctx.params.id, ctx.body.organizationMemberId);
    return ok('assignConversation', { data: true });
  },
  unassignConversation: (ctx) => {
    conv.unassignConversation(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('unassignConversation', { data: true });
  },
  getConversationMessages: (ctx) => ok('getConversationMessages', conv.listConversationMessages(ctx.store, orgOf(ctx), ctx.params.id, ctx.query)),
  sendMessageInConversation: (ctx) => ok('sendMessageInConversation', { message: conv.sendMessage(ctx.store, orgOf(ctx), ctx.params.id, ctx.body.messageData) }),
  uploadFileInConversation: (ctx) => {
    const file = ctx.files.find((f) => f.field === 'file')!;
    const up = conv.uploadMedia(ctx.store, orgOf(ctx), ctx.params.id, file);
    return ok('uploadFileInConversation', { mediaId: up.mediaId, mediaUrl: absolute(ctx.apiBase, up.mediaUrl) });
  },
  markConversationAsRead: (ctx) => {
    conv.markRead(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('markConversationAsRead', { isRead: true });
  },
  createConversation: (ctx) => ok('createConversation', { conversation: conv.startConversation(ctx.store, orgOf(ctx), ctx.body.contactId, ctx.body.initialMessage) }),
  generateConversationSummary: (ctx) => {
    const c = conv.findConversation(ctx.store, orgOf(ctx), ctx.params.id);
    return ok('generateConversationSummary', summarize(ctx.store, c));
  },
  getConversationMedia: (ctx) => {
    const c = conv.findConversation(ctx.store, orgOf(ctx), ctx.params.id);
    const upload = ctx.store.uploads.get(ctx.params.mediaId);
    if (upload && upload.conversationId === c.uniqueId) {
      // Serve the uploaded type when the spec documents it for this response, else as plain bytes.
      const documented = Object.keys(ctx.op.responses.get(200)?.content ?? {});
      const contentType = documented.includes(upload.contentType) ? upload.contentType : 'application/octet-stream';
      return { status: 200, raw: upload.bytes, contentType };
    }
    const media = ctx.store.world.findMedia(c.uniqueId, ctx.params.mediaId);
    if (!media) throw missing('media url is empty or not found');
    const file = mediaBytes(media.kind);
    return { status: 200, raw: file.body, contentType: file.contentType, headers: { 'Content-Disposition': `inline; filename="${media.fileName}"` } };
  },
  getMessages: (ctx) => ok('getMessages', listMessages(ctx.store, orgOf(ctx), ctx.query)),
} satisfies Partial<HandlerTable>;
