import {
  AiChatMessageRoleEnum,
  AiChatMessageVoteEnum,
  AiChatStatusEnum,
  AiChatVisibilityEnum,
  CampaignStatusEnum,
  ContactStatusEnum,
  ConversationInitiatedByEnum,
  ConversationStatusEnum,
  InviteStatusEnum,
  KnowledgeBaseDocumentStatusEnum,
  MessageDirectionEnum,
  MessageStatusEnum,
  MessageTemplateCategory,
  MessageTemplateStatus,
  MessageTypeEnum,
  RolePermissionEnum,
  UserPermissionLevelEnum,
} from '../generated/enums.js';
import { isCollectionName, type CollectionName, type StoreRecords } from '../store/store.js';

type RecordOf<K extends CollectionName> = StoreRecords[K] extends ReadonlyArray<infer R> ? R : StoreRecords[K];
type Values<T> = T extends ReadonlyArray<infer V> ? V : T;

/**
 * Per collection, the record fields whose values (or, for a list, whose items' values) come from an enum of
 * the spec, with that enum's values. The compiler checks each list against the field's type. A loaded state
 * holding anything else would reach code that relies on those values.
 */
const SPEC_ENUM_FIELDS: { readonly [K in CollectionName]?: { readonly [F in keyof RecordOf<K>]?: readonly Values<RecordOf<K>[F]>[] } } = {
  members: { accessLevel: UserPermissionLevelEnum },
  roles: { permissions: RolePermissionEnum },
  contacts: { status: ContactStatusEnum },
  templates: { status: MessageTemplateStatus, category: MessageTemplateCategory },
  campaigns: { status: CampaignStatusEnum },
  conversations: { status: ConversationStatusEnum, initiatedBy: ConversationInitiatedByEnum },
  ownThreads: { messageType: MessageTypeEnum, status: MessageStatusEnum, direction: MessageDirectionEnum },
  invites: { accessLevel: UserPermissionLevelEnum, status: InviteStatusEnum },
  aiChats: { status: AiChatStatusEnum, visibility: AiChatVisibilityEnum },
  aiChatMessages: { role: AiChatMessageRoleEnum },
  aiVotes: { vote: AiChatMessageVoteEnum },
  knowledgeBase: { status: KnowledgeBaseDocumentStatusEnum },
};

/**
 * What is wrong with the enumerated fields of one record of `collection`: phrases such as
 * `status must be one of Active, Closed, Deleted (got "Resolved")`, to follow the record's position.
 */
export function specEnumProblems(collection: string, record: Readonly<Record<string, unknown>>): string[] {
  const fields: Readonly<Record<string, readonly unknown[] | undefined>> | undefined = isCollectionName(collection) ? SPEC_ENUM_FIELDS[collection] : undefined;
  if (!fields) return [];
  const problems: string[] = [];
  const check = (at: string, value: unknown, allowed: readonly unknown[]) => {
    if (!allowed.includes(value)) problems.push(`${at} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value) ?? 'nothing'})`);
  };
  for (const [field, allowed] of Object.entries(fields)) {
    if (!allowed || !Object.hasOwn(record, field)) continue;
    const value = record[field];
    if (Array.isArray(value)) value.forEach((v, i) => check(`${field}[${i}]`, v, allowed));
    else check(field, value, allowed);
  }
  return problems;
}
