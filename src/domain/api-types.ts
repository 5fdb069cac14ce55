import type { components } from '../generated/wapikit.js';

/** Shorthand for the generated component schemas. */
export type Schemas = components['schemas'];
export type ApiConversation = Schemas['ConversationSchema'];
export type ApiMessage = Schemas['MessageSchema'];
export type ApiMember = Schemas['OrganizationMemberSchema'];
export type ApiTag = Schemas['TagSchema'];
export type ApiContactSummary = Schemas['ContactWithoutConversationSchema'];
export type PaginationMeta = Schemas['PaginationMeta'];
