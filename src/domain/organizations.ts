/**
 * Organizations: the caller's organizations, creating and updating one, ownership, settings (AI, Slack,
 * email, WhatsApp Business Account), and the WhatsApp-side catalogue (templates, phone numbers).
 */
import type { Mutable, Store } from '../store/store.js';
import type { OrganizationRecord, PhoneNumberRecord, TemplateRecord } from '../world/model.js';
import type { Schemas } from './api-types.js';
import { denied, missing, rejected } from './errors.js';
import { addMember, findMember, NOT_PERMITTED, organizationOfMember, requirePermission } from './membership.js';
import { byCreatedAt, meta, pageOf, type PageRequest } from './paginate.js';

type ApiOrganization = Schemas['OrganizationSchema'];
type UpdateOrganization = Schemas['UpdateOrganizationSchema'];

export const NO_BUSINESS_ACCOUNT = 'Please update your business account details in the settings first.';

/** An organization as the API shows it, with the settings that are configured (credentials included, as on the real server). */
export function serializeOrganization(store: Store, org: OrganizationRecord): ApiOrganization {
  const settings = store.organizationSettings.get(org.uniqueId) ?? {};
  const ai = settings.aiConfiguration;
  return {
    uniqueId: org.uniqueId,
    name: org.name,
    ...(org.description ? { description: org.description } : {}),
    createdAt: org.createdAt,
    ...(org.websiteUrl ? { websiteUrl: org.websiteUrl } : {}),
    ...(org.logoUrl ? { logoUrl: org.logoUrl } : {}),
    ...(org.faviconUrl ? { faviconUrl: org.faviconUrl } : {}),
    ...(org.businessAccountId
      ? {
          businessAccountId: org.businessAccountId,
          whatsappBusinessAccountDetails: { businessAccountId: org.businessAccountId, accessToken: org.whatsappAccessToken, webhookSecret: org.webhookSecret },
        }
      : {}),
    ...(settings.slackNotificationConfiguration ? { slackNotificationConfiguration: { ...settings.slackNotificationConfiguration } } : {}),
    ...(settings.emailNotificationConfiguration ? { emailNotificationConfiguration: { ...settings.emailNotificationConfiguration } } : {}),
    ...(ai ? { aiConfiguration: { isEnabled: ai.isEnabled, model: ai.model } } : {}),
  };
}

export interface SortedPage extends PageRequest {
  sortBy?: 'asc' | 'desc';
}

/** `GET /organization`: the organizations the user belongs to, oldest first unless `sortBy=desc`. */
export function listUserOrganizations(store: Store, userId: string, q: SortedPage) {
  const orgs = [...store.members.values()]
    .filter((m) => m.userId === userId)
    .flatMap((m) => store.organizations.get(m.organizationId) ?? [])
    .sort(byCreatedAt(q.sortBy ?? 'asc'));
  return { organizations: pageOf(orgs, q).map((o) => serializeOrganization(store, o)), paginationMeta: meta(q, orgs.length) };
}

/** `POST /organization`: the caller becomes its Owner, with an API key and a Default Chat. No WhatsApp account yet. */
export function createOrganization(store: Store, userId: string, body: Schemas['NewOrganizationSchema']): ApiOrganization {
  const name = body.name.trim();
  if (!name) throw rejected('Organization name is required');
  const org: Mutable<OrganizationRecord> = {
    uniqueId: store.ids.uuid(),
    name,
    description: body.description?.trim() ?? '',
    businessKind: 'store',
    websiteUrl: '',
    createdAt: store.now(),
    businessAccountId: '',
    whatsappBusinessAccountId: '',
    whatsappAccessToken: '',
    webhookSecret: '',
    country: 'US',
    address: '',
    city: '',
    latitude: 0,
    longitude: 0,
  };
  store.organizations.set(org.uniqueId, org);
  const owner = addMember(store, userId, org.uniqueId, 'Owner');
  store.apiKeys.set(owner.uniqueId, { uniqueId: store.ids.uuid(), memberId: owner.uniqueId, createdAt: org.createdAt, key: undefined });
  return serializeOrganization(store, org);
}

export function getOrganization(store: Store, userId: string, id: string): ApiOrganization {
  return serializeOrganization(store, organizationOfMember(store, userId, id).org);
}

/**
 * `POST /organization/{id}`: name, description and the Slack, email and AI settings. The permission is checked
 * against the caller's membership in *that* organization, which need not be the one of the token.
 */
export function updateOrganization(store: Store, userId: string, id: string, body: UpdateOrganization): void {
  const { org, member } = organizationOfMember(store, userId, id);
  requirePermission(store, member, 'Update:Organization');
  const name = body.name.trim();
  if (!name) throw rejected('Organization name is required');
  const settings = { ...(store.organizationSettings.get(id) ?? {}) };
  if (body.slackNotificationConfiguration) settings.slackNotificationConfiguration = { ...body.slackNotificationConfiguration };
  if (body.emailNotificationConfiguration) settings.emailNotificationConfiguration = { ...body.emailNotificationConfiguration };
  if (body.aiConfiguration) {
    const { model, apiKey, isEnabled } = body.aiConfiguration;
    settings.aiConfiguration = { model, apiKey, isEnabled: isEnabled ?? true };
  }
  const record = store.organizations.get(org.uniqueId)!;
  record.name = name;
  if (body.description !== undefined) record.description = body.description;
  store.organizationSettings.set(id, settings);
}

/** `GET /organization/ai-configuration`. An organization that never set one gets a disabled default (the real server fails with 500). */
export function aiConfiguration(store: Store, organizationId: string): Schemas['FullAiConfiguration'] {
  const ai = store.organizationSettings.get(organizationId)?.aiConfiguration;
  return ai ? { ...ai } : { apiKey: '', model: 'Gpt4o', isEnabled: false };
}

/** Refuses AI work for an organization whose AI is not enabled. */
export function requireAi(store: Store, organizationId: string): void {
  if (!store.organizationSettings.get(organizationId)?.aiConfiguration?.isEnabled) {
    throw rejected('AI is not enabled for this organization: set aiConfiguration with POST /organization/{id} first');
  }
}

/**
 * `POST /organization/{id}/transfer`: only an Owner can hand the organization over, to another member
 * (`newOwnerId` is a member id as listed by `GET /organization/members`; the member's user id is accepted too).
 * The new owner becomes Owner and the caller a Member.
 */
export function transferOwnership(store: Store, userId: string, id: string, newOwnerId: string): void {
  const { member: caller } = organizationOfMember(store, userId, id);
  if (caller.accessLevel !== 'Owner') throw denied(NOT_PERMITTED);
  const target =
    [...store.members.values()].find((m) => m.organizationId === id && (m.uniqueId === newOwnerId || m.userId === newOwnerId)) ?? undefined;
  if (!target) throw rejected('New owner is not a member of this organization');
  if (target.uniqueId === caller.uniqueId) throw rejected('You already own this organization');
  findMember(store, id, target.uniqueId).accessLevel = 'Owner';
  findMember(store, id, caller.uniqueId).accessLevel = 'Member';
}

/**
 * `POST /organization/whatsappBusinessAccount`: connects (or replaces) the organization's WhatsApp Business
 * Account and generates a new webhook secret. A first connection brings Meta's sample `hello_world` template
 * and a test phone number, as a new account has on the WhatsApp side.
 */
export function connectBusinessAccount(store: Store, organizationId: string, body: Schemas['UpdateWhatsAppBusinessAccountDetailsSchema']): Schemas['WhatsAppBusinessAccountDetailsSchema'] {
  const businessAccountId = body.businessAccountId.trim();
  const accessToken = body.accessToken.trim();
  if (!businessAccountId) throw rejected("request body field 'businessAccountId' must not be blank");
  if (!accessToken) throw rejected("request body field 'accessToken' must not be blank");
  const org = store.organizations.get(organizationId);
  if (!org) throw missing('Organization not found');
  const first = org.businessAccountId === '';
  org.businessAccountId = businessAccountId;
  org.whatsappAccessToken = accessToken;
  org.webhookSecret = store.ids.faker.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' });
  if (first && templatesOf(store, organizationId).length === 0) {
    const template: TemplateRecord = {
      organizationId,
      id: store.ids.whatsAppId(),
      name: 'hello_world',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Hello World' },
        {
          type: 'BODY',
          text: 'Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us.',
        },
        { type: 'FOOTER', text: 'WhatsApp Business Platform sample message' },
      ],
    };
    store.templates.set(template.id, template);
  }
  if (first && phoneNumbersOf(store, organizationId).length === 0) {
    const exchange = store.ids.faker.number.int({ min: 10, max: 99 });
    const line = store.ids.faker.number.int({ min: 1000, max: 9999 });
    const phone: PhoneNumberRecord = {
      organizationId,
      id: store.ids.whatsAppId(),
      display_phone_number: `+1 555-0${exchange}-${line}`,
      verified_name: 'Test Number',
      quality_rating: 'GREEN',
      platform_type: 'CLOUD_API',
      code_verification_status: { status: 'VERIFIED' },
    };
    store.phoneNumbers.set(phone.id, phone);
  }
  return { businessAccountId, accessToken, webhookSecret: org.webhookSecret };
}

// ---- WhatsApp-side catalogue

function hasBusinessAccount(store: Store, organizationId: string): boolean {
  return (store.organizations.get(organizationId)?.businessAccountId ?? '') !== '';
}

function templatesOf(store: Store, organizationId: string): TemplateRecord[] {
  return [...store.templates.values()].filter((t) => t.organizationId === organizationId);
}

function phoneNumbersOf(store: Store, organizationId: string): PhoneNumberRecord[] {
  return [...store.phoneNumbers.values()].filter((p) => p.organizationId === organizationId);
}

function serializeTemplate(t: TemplateRecord): Schemas['MessageTemplateSchema'] {
  const { organizationId: _org, ...rest } = t;
  return structuredClone(rest) as Schemas['MessageTemplateSchema'];
}

function serializePhoneNumber(p: PhoneNumberRecord): Schemas['PhoneNumberSchema'] {
  const { organizationId: _org, ...rest } = p;
  return structuredClone(rest);
}

/** `GET /organization/templates`: empty until a WhatsApp Business Account is connected. */
export function listTemplates(store: Store, organizationId: string) {
  return hasBusinessAccount(store, organizationId) ? templatesOf(store, organizationId).map(serializeTemplate) : [];
}

export function getTemplate(store: Store, organizationId: string, id: string) {
  if (!hasBusinessAccount(store, organizationId)) throw rejected(NO_BUSINESS_ACCOUNT);
  const t = store.templates.get(id);
  if (!t || t.organizationId !== organizationId) throw missing('Template not found');
  return serializeTemplate(t);
}

export function listPhoneNumbers(store: Store, organizationId: string) {
  return hasBusinessAccount(store, organizationId) ? phoneNumbersOf(store, organizationId).map(serializePhoneNumber) : [];
}

export function getPhoneNumber(store: Store, organizationId: string, id: string) {
  if (!hasBusinessAccount(store, organizationId)) throw rejected(NO_BUSINESS_ACCOUNT);
  const p = store.phoneNumbers.get(id);
  if (!p || p.organizationId !== organizationId) throw missing('Phone number not found');
  return serializePhoneNumber(p);
}
