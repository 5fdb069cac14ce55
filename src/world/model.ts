/**
 * Records of a generated Wapikit world.
 *
 * Every record is a plain, JSON-serialisable object whose field names follow the
 * Wapikit API so that serialisers only have to pick fields and join related records.
 * Enumerations and the fields the API shows are taken from the generated spec types
 * (src/generated/wapikit.ts, and src/generated/enums.ts for run-time value lists);
 * only what the API does not state is declared here. Records also carry `organizationId`
 * (and a few other foreign keys such as `userId` or `roleIds`) that the API shows
 * either not at all or as nested objects.
 *
 * Conventions:
 * - Wapikit ids (`uniqueId`, `contactId`, `organizationId`, ...) are lowercase v4 UUIDs.
 * - WhatsApp-side ids (template ids, phone-number ids, media ids, business account
 *   ids) are numeric strings; WhatsApp message ids start with `wamid.`.
 * - Timestamps are ISO-8601 strings with milliseconds and `Z`.
 * - Records are typed `readonly`: a server that changes data must copy, never mutate
 *   the generated objects (threads are regenerated from them lazily).
 */

import { RolePermissionEnum } from '../generated/enums.js';
import type { components } from '../generated/wapikit.js';
import type { ThreadFacts } from './thread-facts.js';

type Schemas = components['schemas'];

/** ISO-8601 timestamp, e.g. `2026-11-24T12:00:00.000Z`. */
export type IsoDateTime = string;

export interface WorldOptions {
  /** Seed of every random choice. */
  readonly seed: number;
  /** The world's "current time": nothing happens after it. ISO-8601. */
  readonly now: IsoDateTime;
  /** Number of conversations of the main organisation. */
  readonly size: number;
}

// ---------------------------------------------------------------------------
// Enumerations (the spec's enum schemas)

/** Not part of the API (`UserSchema` has no status): what the world's accounts can be. */
export type UserAccountStatus = 'Active' | 'Deleted' | 'Suspended';
export type AccessLevel = Schemas['UserPermissionLevelEnum'];
export type ContactStatus = Schemas['ContactStatusEnum'];
export type ConversationStatus = Schemas['ConversationStatusEnum'];
export type ConversationInitiatedBy = Schemas['ConversationInitiatedByEnum'];
export type CampaignStatus = Schemas['CampaignStatusEnum'];
export type MessageDirection = Schemas['MessageDirectionEnum'];
export type MessageStatus = Schemas['MessageStatusEnum'];
/** Every message type of the spec, including `Contacts` and `Address`, which the world never makes. */
export type MessageType = Schemas['MessageTypeEnum'];
/** The message types `MessageSchema` can show (it has a branch for each): all but `Contacts` and `Address`. */
export type DescribedMessageType = Schemas['MessageSchema']['messageType'];

/** `RolePermissionEnum` of the spec. */
export type RolePermission = Schemas['RolePermissionEnum'];
/** Every permission, in the spec's order. */
export const ROLE_PERMISSIONS: readonly RolePermission[] = RolePermissionEnum;

// ---------------------------------------------------------------------------
// Accounts and organisations

/** A login account: `UserSchema` without the per-organisation parts, plus what only the mock keeps. */
export type UserRecord = Readonly<Pick<Schemas['UserSchema'], 'uniqueId' | 'username' | 'email' | 'name' | 'profilePicture' | 'createdAt'>> & {
  /** Plain-text demo password. Never do this outside a mock. */
  readonly password: string;
  readonly status: UserAccountStatus;
};

/** Kind of business, which decides the conversation scripts used. */
export type BusinessKind = 'store' | 'clinic';

export interface OrganizationRecord {
  readonly uniqueId: string;
  readonly name: string;
  readonly description: string;
  readonly businessKind: BusinessKind;
  readonly websiteUrl: string;
  readonly logoUrl?: string;
  readonly faviconUrl?: string;
  readonly createdAt: IsoDateTime;
  /**
   * `OrganizationSchema.businessAccountId`: the WhatsApp Business Account (WABA) id
   * Wapikit stores for the organisation (numeric string). Also what
   * `whatsappBusinessAccountDetails.businessAccountId` shows.
   */
  readonly businessAccountId: string;
  /**
   * Id of the Meta business portfolio that owns the WABA (numeric string). Not part
   * of the Wapikit API; kept for mocks of the WhatsApp side.
   */
  readonly whatsappBusinessAccountId: string;
  /** Fake WhatsApp Cloud API token (`whatsappBusinessAccountDetails.accessToken`). */
  readonly whatsappAccessToken: string;
  /** `whatsappBusinessAccountDetails.webhookSecret`. */
  readonly webhookSecret: string;
  /** ISO 3166 alpha-2 country of the business. */
  readonly country: CountryCode;
  /** Street address of the shop / clinic (used in Location messages). */
  readonly address: string;
  readonly city: string;
  readonly latitude: number;
  readonly longitude: number;
}

/**
 * Membership of a user in an organisation: `OrganizationMemberSchema` with the joins (name and email of the
 * user, the roles) as ids. `uniqueId` is the member id, distinct from the user id.
 */
export type MemberRecord = Readonly<Pick<Schemas['OrganizationMemberSchema'], 'uniqueId' | 'accessLevel' | 'createdAt'>> & {
  readonly userId: string;
  readonly organizationId: string;
  readonly roleIds: readonly string[];
};

/** `OrganizationRoleSchema` (always with a description) plus its organisation and creation time. */
export type RoleRecord = Readonly<Pick<Schemas['OrganizationRoleSchema'], 'uniqueId' | 'name'>> & {
  readonly organizationId: string;
  readonly description: string;
  readonly permissions: readonly RolePermission[];
  readonly createdAt: IsoDateTime;
};

/** `TagSchema` plus its organisation and creation time. */
export type TagRecord = Readonly<Schemas['TagSchema']> & {
  readonly organizationId: string;
  readonly createdAt: IsoDateTime;
};

// ---------------------------------------------------------------------------
// Contacts, lists

export type CountryCode = 'IN' | 'US' | 'GB' | 'BR' | 'DE' | 'ID' | 'MX' | 'NG';

export interface ContactAttributes {
  readonly [key: string]: string | number | boolean;
}

/**
 * `ContactSchema` without the joins (lists, conversations), plus its organisation. `phone` is E.164 digits
 * without `+`, e.g. `919876543210`; attribute values are scalars (the spec admits any JSON).
 */
export type ContactRecord = Readonly<Pick<Schemas['ContactSchema'], 'uniqueId' | 'name' | 'phone' | 'status' | 'createdAt'>> & {
  readonly organizationId: string;
  readonly attributes: ContactAttributes;
};

/** `ContactListSchema` without the computed counts, with tags and members as ids, plus its organisation. */
export type ListRecord = Readonly<Pick<Schemas['ContactListSchema'], 'uniqueId' | 'name' | 'description' | 'createdAt'>> & {
  readonly organizationId: string;
  readonly tagIds: readonly string[];
  readonly contactIds: readonly string[];
};

// ---------------------------------------------------------------------------
// WhatsApp-side objects (shapes of the WhatsApp Cloud API, snake_case)

/**
 * `PhoneNumberSchema` plus the owning organisation, with the values WhatsApp uses where the spec only says
 * string. `id` is a numeric string of 15–16 digits.
 */
export type PhoneNumberRecord = Readonly<Pick<Schemas['PhoneNumberSchema'], 'id' | 'display_phone_number' | 'verified_name'>> & {
  readonly organizationId: string;
  readonly quality_rating: 'GREEN' | 'YELLOW' | 'RED';
  readonly platform_type: 'CLOUD_API';
  readonly code_verification_status: { readonly status: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED' };
};

export type TemplateStatus = Schemas['MessageTemplateStatus'];
export type TemplateCategory = Schemas['MessageTemplateCategory'];
export type TemplateComponentType = Schemas['MessageTemplateComponentType'];
export type TemplateComponentFormat = Schemas['MessageTemplateComponentFormat'];
export type TemplateButtonType = Schemas['TemplateMessageButtonType'];

/** `TemplateMessageComponentButton`, always with its type and text. */
export type TemplateButton = Readonly<Pick<Schemas['TemplateMessageComponentButton'], 'url' | 'phone_number'>> & {
  readonly type: TemplateButtonType;
  readonly text: string;
  readonly example?: readonly string[];
};

/** The parts of `TemplateMessageComponentExample` the world fills. */
export interface TemplateComponentExample {
  readonly header_handle?: readonly string[];
  readonly header_text?: readonly string[];
  readonly body_text?: readonly (readonly string[])[];
}

/** The parts of `WhatsAppBusinessHSMWhatsAppHSMComponent` the world fills, always with its type. */
export type TemplateComponent = Readonly<
  Pick<Schemas['WhatsAppBusinessHSMWhatsAppHSMComponent'], 'format' | 'text' | 'add_security_recommendation' | 'code_expiration_minutes'>
> & {
  readonly type: TemplateComponentType;
  readonly buttons?: readonly TemplateButton[];
  readonly example?: TemplateComponentExample;
};

/** `MessageTemplateSchema` (the fields the world fills) plus the owning organisation. `id` is a numeric string of 15–16 digits. */
export type TemplateRecord = Readonly<
  Pick<Schemas['MessageTemplateSchema'], 'id' | 'name' | 'language' | 'status' | 'category' | 'rejected_reason' | 'message_send_ttl_seconds'>
> & {
  readonly organizationId: string;
  readonly components: readonly TemplateComponent[];
};

// ---------------------------------------------------------------------------
// Campaigns

/** `TemplateParameterInput`, with the contact fields a dynamic parameter can name. */
export type TemplateParameterInput = Readonly<Omit<Schemas['TemplateParameterInput'], 'dynamicField'>> & {
  readonly dynamicField?: 'firstName' | 'lastName' | 'phoneNumber';
};

/** `TemplateComponentParameters`, of the parameters above. */
export type TemplateComponentParameters = { readonly [Part in keyof Schemas['TemplateComponentParameters']]: readonly TemplateParameterInput[] };

/**
 * `CampaignSchema` with lists and tags as ids and its template, placeholders and phone number always set,
 * plus the organisation, the creator and the delivery counters its analytics are computed from.
 * `scheduledAt`: when sending is planned (Scheduled campaigns: in the future); `sentAt`: when sending
 * started (campaigns that sent anything).
 */
export type CampaignRecord = Readonly<
  Pick<Schemas['CampaignSchema'], 'uniqueId' | 'name' | 'description' | 'status' | 'isLinkTrackingEnabled' | 'createdAt' | 'scheduledAt' | 'sentAt'>
> & {
  readonly organizationId: string;
  readonly listIds: readonly string[];
  readonly tagIds: readonly string[];
  /** Id of an existing template of the organisation. */
  readonly templateMessageId: string;
  readonly templateComponentParameters: TemplateComponentParameters;
  /** Id of an existing phone number of the organisation. */
  readonly phoneNumberInUse: string;
  readonly createdByMemberId: string;
  /** Distinct contacts of the campaign's lists when it was generated. */
  readonly audienceSize: number;
  readonly messagesSent: number;
  readonly messagesDelivered: number;
  readonly messagesRead: number;
  readonly messagesErrored: number;
};

// ---------------------------------------------------------------------------
// Conversations and messages

/**
 * A conversation header: `ConversationSchema` without the joins (contact, messages, assignee, tags as ids).
 * The messages are not stored here: get them with `world.threadOf(uniqueId)`; the counters below are exact
 * for that thread.
 */
export type ConversationRecord = Readonly<Pick<Schemas['ConversationSchema'], 'uniqueId' | 'organizationId' | 'contactId' | 'initiatedBy' | 'status' | 'createdAt'>> & {
  /**
   * `''` when the conversation is not linked to a campaign (as the API shows it). `initiatedBy` is
   * `'Campaign'` exactly when it is set (see create-world.ts).
   */
  readonly campaignId: string;
  readonly assignedToMemberId?: string;
  readonly tagIds: readonly string[];
  /** Name of the script the thread follows (e.g. `order_status`); not an API field. */
  readonly scenario: string;
  /** `totalMessages`. */
  readonly messageCount: number;
  /** `numberOfUnreadMessages`: inbound messages with status `Sent`. */
  readonly unreadCount: number;
  /** createdAt of the newest message. */
  readonly lastMessageAt: IsoDateTime;
};

// Message contents are the spec's `*MessageData` schemas.
export type TextMessageData = Readonly<Schemas['TextMessageData']>;
export type ImageMessageData = Readonly<Schemas['ImageMessageData']>;
export type VideoMessageData = Readonly<Schemas['VideoMessageData']>;
export type AudioMessageData = Readonly<Schemas['AudioMessageData']>;
export type StickerMessageData = Readonly<Schemas['StickerMessageData']>;
export type DocumentMessageData = Readonly<Schemas['DocumentMessageData']>;
export type LocationMessageData = Readonly<Schemas['LocationMessageData']>;
/** `ReactionMessageData`, with the target always set. */
export type ReactionMessageData = Readonly<Omit<Schemas['ReactionMessageData'], 'messageId'>> & {
  /**
   * The **Wapikit uniqueId** of the message reacted to (an earlier message of the
   * same conversation). Real Wapikit stores WhatsApp's wamid here; this mock uses
   * its own ids so that clients can resolve the target inside the conversation.
   */
  readonly messageId: string;
};
/**
 * Content of a `Contacts` or `Address` message. The spec lists both types in `MessageTypeEnum` but gives
 * them no content schema (no `MessageSchema` branch, no send body): such a record holds whatever JSON
 * object it was stored with. The world never makes one.
 */
export interface UndescribedMessageData {
  readonly [field: string]: unknown;
}

/** What `messageData` holds for each message type; the mapped type below fails to compile if one is missing. */
export interface MessageDataByType {
  readonly Text: TextMessageData;
  readonly Image: ImageMessageData;
  readonly Video: VideoMessageData;
  readonly Audio: AudioMessageData;
  readonly Document: DocumentMessageData;
  readonly Sticker: StickerMessageData;
  readonly Location: LocationMessageData;
  readonly Contacts: UndescribedMessageData;
  readonly Reaction: ReactionMessageData;
  readonly Address: UndescribedMessageData;
}

/**
 * The spec's `BaseMessage`, with the WhatsApp id always set (`wamid.` + base64). `replyToMessageId` is the
 * uniqueId of an earlier message of the same conversation that this one quotes.
 */
type BaseMessage = Readonly<Omit<Schemas['BaseMessage'], 'messageType' | 'whatsAppMessageId'>> & {
  readonly whatsAppMessageId: string;
};

/** A `messageType` with the `messageData` it calls for, for each of the given types. */
export type MessageContent<T extends MessageType = MessageType> = {
  readonly [K in T]: { readonly messageType: K; readonly messageData: MessageDataByType[K] };
}[T];

/** One stored message (of the given types): `BaseMessage` plus its content. */
export type MessageRecord<T extends MessageType = MessageType> = BaseMessage & MessageContent<T>;

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'sticker';

/** A media file referenced by a message; its bytes come from `mediaBytes(kind)`. */
export interface MediaRecord {
  /** Numeric string (15–16 digits): `messageData.id`. */
  readonly mediaId: string;
  readonly conversationId: string;
  readonly messageId: string;
  readonly kind: MediaKind;
  readonly contentType: string;
  readonly fileName: string;
}

// ---------------------------------------------------------------------------
// The world

export interface World {
  readonly options: WorldOptions;
  /** Id of the main (large) organisation. */
  readonly mainOrganizationId: string;
  /** Id of the demo owner account (username `demo`). */
  readonly demoUserId: string;
  readonly users: readonly UserRecord[];
  readonly organizations: readonly OrganizationRecord[];
  readonly members: readonly MemberRecord[];
  readonly roles: readonly RoleRecord[];
  readonly tags: readonly TagRecord[];
  /** Sorted by createdAt (oldest first) within each organisation. */
  readonly contacts: readonly ContactRecord[];
  readonly lists: readonly ListRecord[];
  readonly phoneNumbers: readonly PhoneNumberRecord[];
  readonly templates: readonly TemplateRecord[];
  readonly campaigns: readonly CampaignRecord[];
  /** Headers only, sorted by createdAt (oldest first) within each organisation. */
  readonly conversations: readonly ConversationRecord[];
  /**
   * Seed for `createIdSource()` so a server can keep minting ids deterministically
   * after start (a stream distinct from the one that made this world).
   */
  readonly runtimeIdSeed: readonly number[];
  /**
   * Messages of a conversation, oldest first. Pure: the result depends only on the
   * world options and the conversation, never on call order. Results are cached
   * (bounded); treat them as immutable. Unknown id → `undefined`.
   */
  threadOf(conversationId: string): readonly MessageRecord[] | undefined;
  /** Media files referenced by the conversation's messages (derived from `threadOf`). */
  mediaOf(conversationId: string): readonly MediaRecord[] | undefined;
  /** One media file of a conversation, as served at `/api/conversation/{id}/media/{mediaId}`. */
  findMedia(conversationId: string, mediaId: string): MediaRecord | undefined;
  /**
   * Time, status, direction and type of each message of `threadOf(conversationId)`, oldest first, known
   * without rendering the thread (kept from its skeleton). Unknown id → `undefined`.
   */
  factsOf(conversationId: string): ThreadFacts | undefined;
}
