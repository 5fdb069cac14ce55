/**
 * Records of a generated Wapikit world.
 *
 * Every record is a plain, JSON-serialisable object whose field names follow the
 * Wapikit API (see shared/wapikit-api/schemas.json) so that serialisers only have
 * to pick fields and join related records. Records also carry `organizationId`
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
// Enumerations (exact wire strings of the Wapikit spec)

export type UserAccountStatus = 'Active' | 'Deleted' | 'Suspended';
export type AccessLevel = 'Owner' | 'Member';
export type ContactStatus = 'Active' | 'Inactive' | 'Blocked';
export type ConversationStatus = 'Active' | 'Closed' | 'Deleted';
export type ConversationInitiatedBy = 'Contact' | 'Campaign';
export type CampaignStatus = 'Draft' | 'Scheduled' | 'Running' | 'Paused' | 'Cancelled' | 'Finished';
export type MessageDirection = 'InBound' | 'OutBound';
export type MessageStatus = 'Read' | 'Unread' | 'Sent' | 'Delivered' | 'UnDelivered' | 'Failed';
export type MessageType = 'Text' | 'Image' | 'Video' | 'Audio' | 'Document' | 'Sticker' | 'Location' | 'Reaction';

export const ROLE_PERMISSIONS = [
  'Get:OrganizationMember',
  'Create:OrganizationMember',
  'Update:OrganizationMember',
  'Delete:OrganizationMember',
  'Get:Campaign',
  'Create:Campaign',
  'Update:Campaign',
  'Delete:Campaign',
  'Get:Conversation',
  'Update:Conversation',
  'Delete:Conversation',
  'Assign:Conversation',
  'Unassign:Conversation',
  'Get:List',
  'Create:List',
  'Update:List',
  'Delete:List',
  'Get:Tag',
  'Create:Tag',
  'Update:Tag',
  'Delete:Tag',
  'Get:ApiKey',
  'Regenerate:ApiKey',
  'Get:AppSettings',
  'Update:AppSettings',
  'Get:Contact',
  'Create:Contact',
  'Update:Contact',
  'Delete:Contact',
  'BulkImport:Contacts',
  'Get:PrimaryAnalytics',
  'Get:SecondaryAnalytics',
  'Get:CampaignAnalytics',
  'Update:Organization',
  'Get:OrganizationRole',
  'Create:OrganizationRole',
  'Update:OrganizationRole',
  'Delete:OrganizationRole',
  'Update:IntegrationSettings',
  'Get:MessageTemplates',
  'Get:PhoneNumbers',
] as const;

/** `RolePermissionEnum` of the spec. */
export type RolePermission = (typeof ROLE_PERMISSIONS)[number];

// ---------------------------------------------------------------------------
// Accounts and organisations

/** A login account (`UserSchema` without the per-organisation parts). */
export interface UserRecord {
  readonly uniqueId: string;
  readonly username: string;
  readonly email: string;
  readonly name: string;
  /** Plain-text demo password. Never do this outside a mock. */
  readonly password: string;
  readonly profilePicture?: string;
  readonly createdAt: IsoDateTime;
  readonly status: UserAccountStatus;
}

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

/** Membership of a user in an organisation (`OrganizationMemberSchema` minus the joins). */
export interface MemberRecord {
  /** Member id, distinct from the user id. */
  readonly uniqueId: string;
  readonly userId: string;
  readonly organizationId: string;
  readonly accessLevel: AccessLevel;
  readonly roleIds: readonly string[];
  readonly createdAt: IsoDateTime;
}

export interface RoleRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly RolePermission[];
  readonly createdAt: IsoDateTime;
}

export interface TagRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly label: string;
  readonly createdAt: IsoDateTime;
}

// ---------------------------------------------------------------------------
// Contacts, lists

export type CountryCode = 'IN' | 'US' | 'GB' | 'BR' | 'DE' | 'ID' | 'MX' | 'NG';

export interface ContactAttributes {
  readonly [key: string]: string | number | boolean;
}

export interface ContactRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly name: string;
  /** E.164 digits without `+`, e.g. `919876543210`. */
  readonly phone: string;
  readonly attributes: ContactAttributes;
  readonly status: ContactStatus;
  readonly createdAt: IsoDateTime;
}

export interface ListRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description: string;
  readonly tagIds: readonly string[];
  readonly contactIds: readonly string[];
  readonly createdAt: IsoDateTime;
}

// ---------------------------------------------------------------------------
// WhatsApp-side objects (shapes of the WhatsApp Cloud API, snake_case)

/** `PhoneNumberSchema` plus the owning organisation. */
export interface PhoneNumberRecord {
  readonly organizationId: string;
  /** Numeric string, 15–16 digits. */
  readonly id: string;
  readonly display_phone_number: string;
  readonly verified_name: string;
  readonly quality_rating: 'GREEN' | 'YELLOW' | 'RED';
  readonly platform_type: 'CLOUD_API';
  readonly code_verification_status: { readonly status: 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED' };
}

export type TemplateStatus = 'APPROVED' | 'REJECTED' | 'PENDING';
export type TemplateCategory = 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
export type TemplateComponentType = 'GREETING' | 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS' | 'CAROUSEL' | 'LIMITED_TIME_OFFER';
export type TemplateComponentFormat = 'TEXT' | 'IMAGE' | 'DOCUMENT' | 'VIDEO' | 'LOCATION';
export type TemplateButtonType = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE';

/** `TemplateMessageComponentButton`. */
export interface TemplateButton {
  readonly type: TemplateButtonType;
  readonly text: string;
  readonly url?: string;
  readonly phone_number?: string;
  readonly example?: readonly string[];
}

/** `TemplateMessageComponentExample`. */
export interface TemplateComponentExample {
  readonly header_handle?: readonly string[];
  readonly header_text?: readonly string[];
  readonly body_text?: readonly (readonly string[])[];
}

/** `WhatsAppBusinessHSMWhatsAppHSMComponent`. */
export interface TemplateComponent {
  readonly type: TemplateComponentType;
  readonly format?: TemplateComponentFormat;
  readonly text?: string;
  readonly buttons?: readonly TemplateButton[];
  readonly example?: TemplateComponentExample;
  readonly add_security_recommendation?: boolean;
  readonly code_expiration_minutes?: number;
}

/** `MessageTemplateSchema` plus the owning organisation. */
export interface TemplateRecord {
  readonly organizationId: string;
  /** Numeric string, 15–16 digits. */
  readonly id: string;
  readonly name: string;
  readonly language: string;
  readonly status: TemplateStatus;
  readonly category: TemplateCategory;
  readonly components: readonly TemplateComponent[];
  readonly rejected_reason?: string;
  readonly message_send_ttl_seconds?: number;
}

// ---------------------------------------------------------------------------
// Campaigns

/** `TemplateParameterInput`. */
export interface TemplateParameterInput {
  readonly nameOrIndex: string;
  readonly label: string;
  readonly parameterType: 'static' | 'dynamic';
  readonly dynamicField?: 'firstName' | 'lastName' | 'phoneNumber';
  readonly staticValue?: string;
  readonly example?: string;
}

/** `TemplateComponentParameters`. */
export interface TemplateComponentParameters {
  readonly header: readonly TemplateParameterInput[];
  readonly body: readonly TemplateParameterInput[];
  readonly buttons: readonly TemplateParameterInput[];
}

export interface CampaignRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly name: string;
  readonly description?: string;
  readonly status: CampaignStatus;
  readonly listIds: readonly string[];
  readonly tagIds: readonly string[];
  /** Id of an existing template of the organisation. */
  readonly templateMessageId: string;
  readonly templateComponentParameters: TemplateComponentParameters;
  /** Id of an existing phone number of the organisation. */
  readonly phoneNumberInUse: string;
  readonly isLinkTrackingEnabled: boolean;
  readonly createdByMemberId: string;
  readonly createdAt: IsoDateTime;
  /** When sending is planned (Scheduled campaigns: in the future). */
  readonly scheduledAt?: IsoDateTime;
  /** When sending started (campaigns that sent anything). `CampaignSchema.sentAt`. */
  readonly sentAt?: IsoDateTime;
  /** Distinct contacts of the campaign's lists when it was generated. */
  readonly audienceSize: number;
  readonly messagesSent: number;
  readonly messagesDelivered: number;
  readonly messagesRead: number;
  readonly messagesErrored: number;
}

// ---------------------------------------------------------------------------
// Conversations and messages

/**
 * A conversation header. The messages are not stored here: get them with
 * `world.threadOf(uniqueId)`; the counters below are exact for that thread.
 */
export interface ConversationRecord {
  readonly uniqueId: string;
  readonly organizationId: string;
  readonly contactId: string;
  /** `''` when the conversation is not linked to a campaign (as the API shows it). */
  readonly campaignId: string;
  /** `'Campaign'` exactly when `campaignId` is set (see create-world.ts). */
  readonly initiatedBy: ConversationInitiatedBy;
  readonly status: ConversationStatus;
  readonly assignedToMemberId?: string;
  readonly tagIds: readonly string[];
  readonly createdAt: IsoDateTime;
  /** Name of the script the thread follows (e.g. `order_status`); not an API field. */
  readonly scenario: string;
  /** `totalMessages`. */
  readonly messageCount: number;
  /** `numberOfUnreadMessages`: inbound messages with status `Sent`. */
  readonly unreadCount: number;
  /** createdAt of the newest message. */
  readonly lastMessageAt: IsoDateTime;
}

export interface TextMessageData {
  readonly text: string;
}
export interface ImageMessageData {
  readonly id: string;
  readonly link?: string;
  readonly caption?: string;
}
export type VideoMessageData = ImageMessageData;
export interface AudioMessageData {
  readonly id: string;
  readonly link?: string;
}
export type StickerMessageData = AudioMessageData;
export interface DocumentMessageData {
  readonly id: string;
  readonly fileName: string;
  readonly link?: string;
  readonly caption?: string;
}
export interface LocationMessageData {
  readonly latitude: number;
  readonly longitude: number;
  readonly name?: string;
  readonly address?: string;
}
export interface ReactionMessageData {
  readonly reaction: string;
  /**
   * The **Wapikit uniqueId** of the message reacted to (an earlier message of the
   * same conversation). Real Wapikit stores WhatsApp's wamid here; this mock uses
   * its own ids so that clients can resolve the target inside the conversation.
   */
  readonly messageId: string;
}

interface BaseMessage {
  readonly uniqueId: string;
  readonly conversationId: string;
  readonly direction: MessageDirection;
  readonly status: MessageStatus;
  readonly createdAt: IsoDateTime;
  /** uniqueId of an earlier message of the same conversation that this one quotes. */
  readonly replyToMessageId?: string;
  /** WhatsApp's message id, `wamid.` + base64. */
  readonly whatsAppMessageId: string;
}

export type MessageRecord =
  | (BaseMessage & { readonly messageType: 'Text'; readonly messageData: TextMessageData })
  | (BaseMessage & { readonly messageType: 'Image'; readonly messageData: ImageMessageData })
  | (BaseMessage & { readonly messageType: 'Video'; readonly messageData: VideoMessageData })
  | (BaseMessage & { readonly messageType: 'Audio'; readonly messageData: AudioMessageData })
  | (BaseMessage & { readonly messageType: 'Sticker'; readonly messageData: StickerMessageData })
  | (BaseMessage & { readonly messageType: 'Document'; readonly messageData: DocumentMessageData })
  | (BaseMessage & { readonly messageType: 'Location'; readonly messageData: LocationMessageData })
  | (BaseMessage & { readonly messageType: 'Reaction'; readonly messageData: ReactionMessageData });

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
}
