import * as chats from '../domain/ai-chats.js';
import { recommendSegments, suggestReplies } from '../domain/ai-insights.js';
import { ok, type HandlerTable } from './types.js';
import { callerOf, orgOf } from './context.js';

/** AI: chats with the assistant, votes on its answers, reply suggestions and audience segments. */
export const aiHandlers = {
  getAiChats: (ctx) => ok('getAiChats', chats.listChats(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.query)),
  getAiChatById: (ctx) => ok('getAiChatById', { chat: chats.getChat(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.params.id) }),
  getAiChatMessages: (ctx) => ok('getAiChatMessages', chats.listChatMessages(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.params.id, ctx.query)),
  /**
   * The answer as newline-delimited JSON (`messageDetails`, `text-delta`s, `finish`), sent as the spec's
   * `application/octet-stream`, one line per chunk of a chunked response, as the server streams it.
   */
  sendMessageInAiChat: (ctx) => {
    const reply = chats.askInChat(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.params.id, ctx.body.query);
    const lines = chats.replyLines(reply);
    return {
      status: 200,
      contentType: 'application/octet-stream',
      stream: (write, _onClose, end) => {
        for (const line of lines) write(`${line}\n`);
        end();
      },
    };
  },
  getAiChatMessageVotes: (ctx) => ok('getAiChatMessageVotes', chats.listVotes(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.params.id, ctx.query)),
  voteOnAiChatMessage: (ctx) =>
    ok('voteOnAiChatMessage', { vote: chats.voteOnMessage(ctx.store, callerOf(ctx).userId, orgOf(ctx), ctx.params.id, ctx.body.messageId, ctx.body.type) }),
  getAiChatSegmentRecommendations: (ctx) => ok('getAiChatSegmentRecommendations', { recommendations: recommendSegments(ctx.store, orgOf(ctx), ctx.query) }),
  getConversationResponseSuggestions: (ctx) =>
    ok('getConversationResponseSuggestions', { suggestions: suggestReplies(ctx.store, orgOf(ctx), ctx.query.conversationId) }),
} satisfies Partial<HandlerTable>;
