/**
 * Records of the organization side that the generated world does not hold: notifications, invites, API keys,
 * AI chats (with their messages and votes), knowledge-base documents, per-organization settings and the
 * short-lived state of the sign-up and password-reset flows. The store keeps them in Maps by id; they are
 * seeded by `seedOrganizationSide` (src/seed/organization-side.ts) and changed by the domain modules.
 */
import type { Faker } from '@faker-js/faker';
import type { AccessLevel, IsoDateTime } from '../world/model.js';

export type NotificationType = 'CampaignFinished' | 'CampaignStarted' | 'ConversationAssigned' | 'OrganizationInvite' | 'MemberJoined';

export interface NotificationRecord {
  uniqueId: string;
  /** The user the notification is for. */
  userId: string;
  organizationId: string;
  type: NotificationType;
  title: string;
  description: string;
  /** Path in the web app the notification links to, e.g. `/campaigns/<id>` or `/invite/<slug>`. */
  ctaUrl?: string;
  createdAt: IsoDateTime;
  read: boolean;
}

export interface InviteRecord {
  uniqueId: string;
  /** Opaque, URL-safe: the part of the invite link the invitee opens (not a UUID). */
  slug: string;
  organizationId: string;
  email: string;
  accessLevel: AccessLevel;
  status: 'Pending' | 'Redeemed';
  createdAt: IsoDateTime;
}

/** The invite slug format: 20 lower-case letters and digits, as found in an invite link. */
export function inviteSlug(f: Faker): string {
  return f.string.alphanumeric({ length: 20, casing: 'lower' });
}

/** The API key of one organization member (at most one each, as on the real server). */
export interface ApiKeyRecord {
  uniqueId: string;
  memberId: string;
  createdAt: IsoDateTime;
  /** The JWT; undefined for a seeded key, which every read signs the same way (see domain/api-keys.ts). */
  key: string | undefined;
}

export interface AiChatRecord {
  uniqueId: string;
  organizationId: string;
  /** The member's user who owns the chat. */
  userId: string;
  title: string;
  description?: string;
  status: 'Active' | 'Inactive';
  visibility: 'Public' | 'Private';
  createdAt: IsoDateTime;
}

/** The first chat every member gets when they join or create an organization. */
export function defaultChat(uniqueId: string, organizationId: string, userId: string, createdAt: string): AiChatRecord {
  return {
    uniqueId,
    organizationId,
    userId,
    title: 'Default Chat',
    description: 'Ask about your conversations, campaigns and knowledge base.',
    status: 'Active',
    visibility: 'Public',
    createdAt,
  };
}

export type AiChatRole = 'User' | 'System' | 'Assistant' | 'Data';

export interface AiChatMessageRecord {
  uniqueId: string;
  chatId: string;
  role: AiChatRole;
  content: string;
  createdAt: IsoDateTime;
}

export interface AiVoteRecord {
  uniqueId: string;
  chatId: string;
  messageId: string;
  userId: string;
  vote: 'Upvote' | 'Downvote';
  createdAt: IsoDateTime;
}

export interface KnowledgeDocumentRecord {
  uniqueId: string;
  organizationId: string;
  title: string;
  content: string;
  tagIds: string[];
  status: 'Active' | 'Archived';
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export type AiModel = 'Gpt4' | 'GptO1' | 'GptO3Mini' | 'Gpt4oMini' | 'Mistral' | 'Gpt4o' | 'Gemini1.5Pro' | 'Claude3.5';

/** Settings of an organization that `POST /organization/{id}` changes. */
export interface OrganizationSettings {
  aiConfiguration?: { isEnabled: boolean; model: AiModel; apiKey: string };
  slackNotificationConfiguration?: { slackChannel: string; slackWebhookUrl: string };
  emailNotificationConfiguration?: { smtpHost: string; smtpPort: string; smtpUsername: string; smtpPassword: string };
}

/** A sign-up waiting for its one-time code (`POST /auth/register` → `POST /auth/verify-email`). */
export interface PendingRegistration {
  email: string;
  username: string;
  requestedAt: IsoDateTime;
}

/** A password reset in progress, by lower-cased email. */
export interface PasswordReset {
  email: string;
  verified: boolean;
}
