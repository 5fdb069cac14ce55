/**
 * Organisations and their teams: business identity, login accounts, members,
 * roles, tags, WhatsApp phone numbers and message templates.
 */
import type { Faker } from '@faker-js/faker';
import { COUNTRIES } from './countries.js';
import { AGENT_ACCOUNT, DEMO_ACCOUNT, type FixedAccount } from './demo-accounts.js';
import { numericIdFrom, whatsAppIdFrom } from './ids.js';
import type {
  BusinessKind,
  CountryCode,
  MemberRecord,
  OrganizationRecord,
  PhoneNumberRecord,
  RolePermission,
  RoleRecord,
  TagRecord,
  TemplateRecord,
  UserRecord,
} from './model.js';
import { personName } from './names.js';
import { displayPhoneNumber, uniqueMobileNumber } from './phone-numbers.js';
import { chance, pick, type FakerSet } from './random.js';
import { templateDefinitions, withWebsite } from './templates.js';
import { DAY, HOUR, iso } from './time.js';

/** What every builder needs: seeded fakers, an id mint and the clock. */
export interface BuildContext {
  readonly fakers: FakerSet;
  readonly uuid: () => string;
  readonly nowMs: number;
  /** Phone numbers already used anywhere in the world (Wapikit has a global unique index). */
  readonly phones: Set<string>;
}

const STORE_NAME_FIRST = ['Juniper', 'Copper', 'Indigo', 'Saffron', 'Harbor', 'Willow', 'Cobalt', 'Olive', 'Amber', 'Cedar', 'Maple', 'Linen'];
const STORE_NAME_SECOND = ['Home', 'Living', 'Goods', 'House', 'Market', '& Co.'];
const STORE_TLDS = ['shop', 'store', 'com'];
const CLINIC_NAMES = ['Riverside Family Clinic', 'CarePoint Medical Centre', 'Greenleaf Health Clinic', 'Sunrise Family Practice', 'Lakeview Medical Clinic'];

function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '');
}

export interface OrganizationSpec {
  readonly kind: BusinessKind;
  readonly country: CountryCode;
  /** Milliseconds before `now` the organisation was created. */
  readonly ageMs: number;
}

export function buildOrganization(ctx: BuildContext, spec: OrganizationSpec): OrganizationRecord {
  const f = ctx.fakers.en;
  const local = ctx.fakers.byCountry[spec.country];
  const name =
    spec.kind === 'store' ? `${pick(f, STORE_NAME_FIRST)} ${pick(f, STORE_NAME_SECOND)}` : pick(f, CLINIC_NAMES);
  const domain = `${asciiSlug(name)}.${spec.kind === 'store' ? pick(f, STORE_TLDS) : 'health'}`;
  const city = pick(f, COUNTRIES[spec.country].cities);
  const description =
    spec.kind === 'store'
      ? 'Homeware and small electronics, shipped worldwide. Customer care on WhatsApp, 9 AM – 7 PM.'
      : 'Family doctors, check-ups and lab tests. Book appointments and get your reports on WhatsApp.';
  return {
    uniqueId: ctx.uuid(),
    name,
    description,
    businessKind: spec.kind,
    websiteUrl: `https://${domain}`,
    logoUrl: `https://${domain}/static/logo.png`,
    ...(chance(f, 0.7) ? { faviconUrl: `https://${domain}/favicon.ico` } : {}),
    createdAt: iso(ctx.nowMs - spec.ageMs),
    businessAccountId: numericIdFrom(f, 15),
    whatsappBusinessAccountId: numericIdFrom(f, 16),
    whatsappAccessToken: `EAAG${f.string.alphanumeric(140)}`,
    webhookSecret: f.string.hexadecimal({ length: 32, casing: 'lower', prefix: '' }),
    country: spec.country,
    address: local.location.streetAddress(),
    city: city.name,
    latitude: Math.round((city.latitude + (f.number.float() - 0.5) * 0.04) * 1e6) / 1e6,
    longitude: Math.round((city.longitude + (f.number.float() - 0.5) * 0.04) * 1e6) / 1e6,
  };
}

/** Domain of an organisation's website (`juniperhome.shop`). */
export function websiteDomain(org: OrganizationRecord): string {
  return org.websiteUrl.replace(/^https?:\/\//, '');
}

// ---------------------------------------------------------------------------
// Roles

const SUPPORT: readonly RolePermission[] = [
  'Get:Conversation',
  'Update:Conversation',
  'Get:Contact',
  'Update:Contact',
  'Get:Tag',
  'Get:List',
  'Get:MessageTemplates',
];

interface RoleDefinition {
  readonly key: 'support' | 'campaigns' | 'supervisor' | 'analyst' | 'frontDesk' | 'doctor';
  readonly name: string;
  readonly description: string;
  readonly permissions: readonly RolePermission[];
}

const STORE_ROLES: readonly RoleDefinition[] = [
  { key: 'support', name: 'Support agent', description: 'Answers customer conversations and keeps contact details up to date.', permissions: SUPPORT },
  {
    key: 'supervisor',
    name: 'Support supervisor',
    description: 'Everything a support agent does, plus assigning conversations and seeing team analytics.',
    permissions: [...SUPPORT, 'Assign:Conversation', 'Unassign:Conversation', 'Get:OrganizationMember', 'Get:PrimaryAnalytics', 'Create:Tag', 'Update:Tag'],
  },
  {
    key: 'campaigns',
    name: 'Campaign manager',
    description: 'Plans broadcasts: manages lists, tags, contacts and campaigns.',
    permissions: [
      'Get:Campaign',
      'Create:Campaign',
      'Update:Campaign',
      'Delete:Campaign',
      'Get:List',
      'Create:List',
      'Update:List',
      'Delete:List',
      'Get:Tag',
      'Create:Tag',
      'Update:Tag',
      'Get:Contact',
      'Create:Contact',
      'Update:Contact',
      'BulkImport:Contacts',
      'Get:MessageTemplates',
      'Get:PhoneNumbers',
      'Get:CampaignAnalytics',
    ],
  },
  {
    key: 'analyst',
    name: 'Analyst',
    description: 'Read-only access to reports.',
    permissions: ['Get:PrimaryAnalytics', 'Get:SecondaryAnalytics', 'Get:CampaignAnalytics', 'Get:Campaign', 'Get:List'],
  },
];

const CLINIC_ROLES: readonly RoleDefinition[] = [
  {
    key: 'frontDesk',
    name: 'Front desk',
    description: 'Books appointments and answers patients on WhatsApp.',
    permissions: [...SUPPORT, 'Create:Contact', 'Assign:Conversation'],
  },
  {
    key: 'doctor',
    name: 'Doctor',
    description: 'Reads conversations of their patients.',
    permissions: ['Get:Conversation', 'Get:Contact'],
  },
];

// ---------------------------------------------------------------------------
// Team

/** A user and their membership, as the builders pass them around. */
export interface TeamMember {
  readonly user: UserRecord;
  readonly member: MemberRecord;
  /** Role keys of the member (for assignment weights). */
  readonly roleKeys: readonly RoleDefinition['key'][];
  readonly firstName: string;
}

export interface Team {
  readonly roles: RoleRecord[];
  readonly members: TeamMember[];
  /** New users created for this team (existing users joining are not repeated). */
  readonly newUsers: UserRecord[];
}

function firstNameOf(name: string): string {
  return name.split(' ')[0] ?? name;
}

function makeUser(ctx: BuildContext, country: CountryCode, domain: string, createdMs: number, fixed?: FixedAccount, title?: string): UserRecord {
  const f = ctx.fakers.en;
  const local = ctx.fakers.byCountry[country];
  const { firstName: first, lastName: last } = personName(local);
  const name = `${title ?? ''}${first} ${last}`;
  const handle = `${asciiSlug(first)}.${asciiSlug(last)}`;
  const picture = chance(f, 0.5) ? { profilePicture: f.image.personPortrait({ size: 256 }) } : {};
  return {
    uniqueId: ctx.uuid(),
    username: fixed?.username ?? handle,
    email: fixed?.email ?? `${handle}@${domain}`,
    name,
    password: fixed?.password ?? f.internet.password({ length: 14 }),
    ...(fixed?.username === DEMO_ACCOUNT.username ? {} : picture),
    createdAt: iso(createdMs),
    status: 'Active',
  };
}

function makeRoles(ctx: BuildContext, org: OrganizationRecord, definitions: readonly RoleDefinition[], orgCreatedMs: number): Map<RoleDefinition['key'], RoleRecord> {
  const roles = new Map<RoleDefinition['key'], RoleRecord>();
  for (const def of definitions) {
    roles.set(def.key, {
      uniqueId: ctx.uuid(),
      organizationId: org.uniqueId,
      name: def.name,
      description: def.description,
      permissions: def.permissions,
      createdAt: iso(orgCreatedMs + ctx.fakers.en.number.int({ min: HOUR, max: 5 * DAY })),
    });
  }
  return roles;
}

function makeMember(
  ctx: BuildContext,
  org: OrganizationRecord,
  user: UserRecord,
  accessLevel: 'Owner' | 'Member',
  roleKeys: readonly RoleDefinition['key'][],
  roles: Map<RoleDefinition['key'], RoleRecord>,
  createdMs: number,
): TeamMember {
  return {
    user,
    firstName: firstNameOf(user.name.replace(/^Dr\. /, '')),
    roleKeys,
    member: {
      uniqueId: ctx.uuid(),
      userId: user.uniqueId,
      organizationId: org.uniqueId,
      accessLevel,
      roleIds: roleKeys.map((k) => roles.get(k)?.uniqueId ?? '').filter((id) => id !== ''),
      createdAt: iso(createdMs),
    },
  };
}

/** The main store's team: the demo owner, the fixed `agent` account and 3–5 more agents. */
export function buildStoreTeam(ctx: BuildContext, org: OrganizationRecord): Team {
  const f = ctx.fakers.en;
  const orgMs = Date.parse(org.createdAt);
  const domain = websiteDomain(org);
  const roles = makeRoles(ctx, org, STORE_ROLES, orgMs);
  const demo = makeUser(ctx, org.country, domain, orgMs - 2 * HOUR, DEMO_ACCOUNT);
  const joined = (): number => orgMs + f.number.int({ min: 2 * DAY, max: 200 * DAY });
  const agentJoined = joined();
  const agent = makeUser(ctx, org.country, domain, agentJoined - HOUR, AGENT_ACCOUNT);
  const members: TeamMember[] = [
    makeMember(ctx, org, demo, 'Owner', [], roles, orgMs),
    makeMember(ctx, org, agent, 'Member', ['support'], roles, agentJoined),
  ];
  const extra = f.number.int({ min: 3, max: 5 });
  const extraRoles: (readonly RoleDefinition['key'][])[] = [['supervisor'], ['campaigns'], ['support'], ['support', 'analyst'], ['support']];
  const newUsers: UserRecord[] = [demo, agent];
  for (let i = 0; i < extra; i++) {
    const at = joined();
    const user = makeUser(ctx, org.country, domain, at - HOUR);
    newUsers.push(user);
    members.push(makeMember(ctx, org, user, 'Member', extraRoles[i] ?? ['support'], roles, at));
  }
  return { roles: [...roles.values()], members, newUsers };
}

/** The second organisation (a clinic): a doctor owns it; the demo user helps at the front desk. */
export function buildClinicTeam(ctx: BuildContext, org: OrganizationRecord, demo: UserRecord): Team {
  const f = ctx.fakers.en;
  const orgMs = Date.parse(org.createdAt);
  const domain = websiteDomain(org);
  const roles = makeRoles(ctx, org, CLINIC_ROLES, orgMs);
  const owner = makeUser(ctx, org.country, domain, orgMs - DAY, undefined, 'Dr. ');
  const doctor = makeUser(ctx, org.country, domain, orgMs + 3 * DAY, undefined, 'Dr. ');
  const receptionist = makeUser(ctx, org.country, domain, orgMs + 5 * DAY);
  const members: TeamMember[] = [
    makeMember(ctx, org, owner, 'Owner', ['doctor'], roles, orgMs),
    makeMember(ctx, org, doctor, 'Member', ['doctor'], roles, orgMs + 3 * DAY + HOUR),
    makeMember(ctx, org, receptionist, 'Member', ['frontDesk'], roles, orgMs + 5 * DAY + HOUR),
    makeMember(ctx, org, demo, 'Member', ['frontDesk'], roles, orgMs + f.number.int({ min: 10 * DAY, max: 40 * DAY })),
  ];
  return { roles: [...roles.values()], members, newUsers: [owner, doctor, receptionist] };
}

/** Weight of a member when conversations are assigned. */
export function assignmentWeight(member: TeamMember): number {
  if (member.roleKeys.includes('supervisor')) return 2;
  if (member.roleKeys.includes('support') || member.roleKeys.includes('frontDesk')) return 3;
  if (member.member.accessLevel === 'Owner') return 1;
  return 0.3;
}

// ---------------------------------------------------------------------------
// Tags, phone numbers, templates

const STORE_TAGS = ['VIP', 'Refund', 'Wholesale', 'Needs follow-up', 'Delivery issue', 'Complaint', 'Order inquiry', 'New customer', 'Feedback'];
const CLINIC_TAGS = ['New patient', 'Follow-up', 'Insurance', 'Urgent'];

export function buildTags(ctx: BuildContext, org: OrganizationRecord): TagRecord[] {
  const orgMs = Date.parse(org.createdAt);
  const labels = org.businessKind === 'store' ? STORE_TAGS : CLINIC_TAGS;
  return labels.map((label) => ({
    uniqueId: ctx.uuid(),
    organizationId: org.uniqueId,
    label,
    createdAt: iso(orgMs + ctx.fakers.en.number.int({ min: DAY, max: 60 * DAY })),
  }));
}

export function buildPhoneNumbers(ctx: BuildContext, org: OrganizationRecord, count: number): PhoneNumberRecord[] {
  const f = ctx.fakers.en;
  const out: PhoneNumberRecord[] = [];
  const city = COUNTRIES[org.country].cities.find((c) => c.name === org.city) ?? COUNTRIES[org.country].cities[0];
  if (city === undefined) throw new Error(`No city for ${org.country}`);
  for (let i = 0; i < count; i++) {
    const phone = uniqueMobileNumber(f, org.country, city, ctx.phones);
    out.push({
      organizationId: org.uniqueId,
      id: whatsAppIdFrom(f),
      display_phone_number: displayPhoneNumber(phone, org.country),
      verified_name: org.name,
      quality_rating: i === 0 || chance(f, 0.6) ? 'GREEN' : 'YELLOW',
      platform_type: 'CLOUD_API',
      code_verification_status: { status: 'VERIFIED' },
    });
  }
  return out;
}

export function buildTemplates(ctx: BuildContext, org: OrganizationRecord): TemplateRecord[] {
  const f: Faker = ctx.fakers.en;
  return templateDefinitions(org.businessKind).map((def) => ({
    organizationId: org.uniqueId,
    id: whatsAppIdFrom(f),
    name: def.name,
    language: def.language,
    status: def.status,
    category: def.category,
    components: withWebsite(def.components, websiteDomain(org)),
    ...(def.rejectedReason !== undefined ? { rejected_reason: def.rejectedReason } : {}),
    ...(def.ttlSeconds !== undefined ? { message_send_ttl_seconds: def.ttlSeconds } : {}),
  }));
}
