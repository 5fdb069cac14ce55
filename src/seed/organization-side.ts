/**
 * Seeds the organization-side records of a store just filled with its world's records: per-organization
 * settings, invites (redeemed ones for the members who joined, a few pending), the owners' API keys, every
 * member's "Default Chat" (the demo owner's with some history), the knowledge base and each member's
 * notifications. It runs domain code (the assistant answers the demo owner's past questions), which is
 * why it lives here, above the store, and not in it.
 *
 * Everything is drawn from its own seeded Faker (never `store.ids`, never the clock), so the same world
 * gives the same records, and adding records here does not shift the ids minted at runtime.
 */
import type { Faker } from '@faker-js/faker';
import { answerQuery } from '../domain/ai-assistant.js';
import { knowledgeDocuments } from '../world/knowledge-base/index.js';
import {
  defaultChat, inviteSlug, type AiChatMessageRecord, type AiChatRecord, type InviteRecord, type NotificationRecord, type OrganizationSettings,
} from '../store/organization-records.js';
import type { Store } from '../store/store.js';
import { uuidFrom } from '../world/ids.js';
import type { MemberRecord, OrganizationRecord } from '../world/model.js';
import { createSeededFaker } from '../world/random.js';
import { DAY, HOUR, MINUTE, SECOND, iso } from '../world/time.js';

/** Stream of this module's seeded Faker ("orgs"), distinct from the world's and the runtime id source. */
const SEED_STREAM = 0x6f726773;

const NEW_HIRES = [
  ['Maya', 'Fischer'],
  ['Tomás', 'Rivera'],
  ['Aisha', 'Bello'],
  ['Lena', 'Okafor'],
  ['Rohan', 'Mehta'],
] as const;

function asciiHandle(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function domainOf(org: OrganizationRecord): string {
  return org.websiteUrl.replace(/^https?:\/\//, '') || 'example.com';
}

function settingsFor(f: Faker, org: OrganizationRecord, isMain: boolean): OrganizationSettings {
  const apiKey = `sk-proj-${f.string.alphanumeric(48)}`;
  if (isMain) {
    return {
      aiConfiguration: { isEnabled: true, model: 'Gpt4o', apiKey },
      slackNotificationConfiguration: {
        slackChannel: '#customer-care',
        slackWebhookUrl: `https://hooks.slack.com/services/T${f.string.alphanumeric({ length: 8, casing: 'upper' })}/B${f.string.alphanumeric({ length: 10, casing: 'upper' })}/${f.string.alphanumeric(24)}`,
      },
    };
  }
  return {
    aiConfiguration: { isEnabled: true, model: 'Gpt4oMini', apiKey },
    emailNotificationConfiguration: { smtpHost: `smtp.${domainOf(org)}`, smtpPort: '587', smtpUsername: `notifications@${domainOf(org)}`, smtpPassword: f.internet.password({ length: 16 }) },
  };
}

/** Questions the demo owner already asked the assistant (answered from the data as it was then). */
const DEMO_QUESTIONS: readonly (readonly [chat: 'default' | 'campaigns', query: string])[] = [
  ['default', 'How many conversations are open right now, and how many unread messages do we have?'],
  ['default', 'What is our returns policy?'],
  ['campaigns', 'Which campaigns are running at the moment?'],
  ['campaigns', 'Which tags come up most in open conversations?'],
];

export function seedOrganizationSide(store: Store): void {
  const { world } = store;
  const f = createSeededFaker([world.options.seed, SEED_STREAM]);
  const uuid = () => uuidFrom(f);
  const nowMs = Date.parse(world.options.now);
  const clamp = (ms: number) => Math.min(ms, nowMs - MINUTE);

  const membersByOrg = new Map<string, MemberRecord[]>();
  for (const m of store.members.values()) membersByOrg.set(m.organizationId, [...(membersByOrg.get(m.organizationId) ?? []), m]);
  const notes: Omit<NotificationRecord, 'uniqueId' | 'read'>[] = [];

  for (const org of store.organizations.values()) {
    const isMain = org.uniqueId === world.mainOrganizationId;
    const orgMs = Date.parse(org.createdAt);
    const members = [...(membersByOrg.get(org.uniqueId) ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    const owners = members.filter((m) => m.accessLevel === 'Owner');
    store.organizationSettings.set(org.uniqueId, settingsFor(f, org, isMain));

    // Invites: the ones that brought the non-owner members in (redeemed), and a few still pending.
    for (const m of members) {
      const user = store.users.get(m.userId);
      if (!user || m.accessLevel === 'Owner') continue;
      const memberMs = Date.parse(m.createdAt);
      const invite: InviteRecord = {
        uniqueId: uuid(),
        slug: inviteSlug(f),
        organizationId: org.uniqueId,
        email: user.email,
        accessLevel: m.accessLevel,
        status: 'Redeemed',
        createdAt: iso(Math.max(orgMs, memberMs - f.number.int({ min: HOUR, max: 2 * DAY }))),
      };
      store.invites.set(invite.uniqueId, invite);
      notes.push({
        userId: m.userId,
        organizationId: org.uniqueId,
        type: 'OrganizationInvite',
        title: `You are invited to join ${org.name}`,
        description: `You were invited to ${org.name} as ${m.accessLevel === 'Member' ? 'a Member' : 'an Owner'}. Open the invitation to accept it.`,
        ctaUrl: `/invite/${invite.slug}`,
        createdAt: invite.createdAt,
      });
      for (const owner of owners) {
        notes.push({
          userId: owner.userId,
          organizationId: org.uniqueId,
          type: 'MemberJoined',
          title: `${user.name} joined ${org.name}`,
          description: `${user.name} (${user.email}) accepted your invitation and joined as a ${m.accessLevel}.`,
          ctaUrl: '/settings/members',
          createdAt: m.createdAt,
        });
      }
    }
    const pending = isMain ? 2 : 1;
    for (let i = 0; i < pending; i++) {
      const [first, last] = NEW_HIRES[(i + (isMain ? 0 : 3)) % NEW_HIRES.length]!;
      const invite: InviteRecord = {
        uniqueId: uuid(),
        slug: inviteSlug(f),
        organizationId: org.uniqueId,
        email: `${asciiHandle(first)}.${asciiHandle(last)}@${domainOf(org)}`,
        accessLevel: 'Member',
        status: 'Pending',
        createdAt: iso(nowMs - f.number.int({ min: 2 * HOUR, max: 9 * DAY })),
      };
      store.invites.set(invite.uniqueId, invite);
    }

    // API keys: the real server creates one for the member who creates the organization.
    for (const owner of owners) store.apiKeys.set(owner.uniqueId, { uniqueId: uuid(), memberId: owner.uniqueId, createdAt: org.createdAt, key: undefined });

    // Every member's Default Chat.
    for (const m of members) {
      const chat = defaultChat(uuid(), org.uniqueId, m.userId, m.createdAt);
      store.aiChats.set(chat.uniqueId, chat);
      store.aiChatMessages.set(chat.uniqueId, []);
    }

    // Knowledge base, filed under the organization's tags.
    const tagByLabel = new Map([...store.tags.values()].filter((t) => t.organizationId === org.uniqueId).map((t) => [t.label, t.uniqueId]));
    for (const draft of knowledgeDocuments(org)) {
      const createdMs = Math.max(orgMs + HOUR, nowMs - draft.ageDays * DAY - f.number.int({ min: 0, max: 12 * HOUR }));
      const updatedMs = Math.min(nowMs - HOUR, createdMs + f.number.int({ min: 0, max: 40 * DAY }));
      const id = uuid();
      store.knowledgeBase.set(id, {
        uniqueId: id,
        organizationId: org.uniqueId,
        title: draft.title,
        content: draft.content,
        tagIds: draft.tagLabels.flatMap((l) => tagByLabel.get(l) ?? []),
        status: draft.status,
        createdAt: iso(createdMs),
        updatedAt: iso(Math.max(createdMs, updatedMs)),
      });
    }

    // Campaign news for the owners.
    for (const c of store.campaigns.values()) {
      if (c.organizationId !== org.uniqueId || !c.sentAt) continue;
      const sentMs = Date.parse(c.sentAt);
      for (const owner of owners) {
        if (c.status === 'Finished') {
          notes.push({
            userId: owner.userId,
            organizationId: org.uniqueId,
            type: 'CampaignFinished',
            title: `Campaign "${c.name}" finished`,
            description: `${c.messagesSent} messages sent, ${c.messagesDelivered} delivered, ${c.messagesRead} read, ${c.messagesErrored} failed.`,
            ctaUrl: `/campaigns/${c.uniqueId}`,
            createdAt: iso(clamp(sentMs + f.number.int({ min: HOUR, max: 6 * HOUR }))),
          });
        } else if (c.status === 'Running') {
          notes.push({
            userId: owner.userId,
            organizationId: org.uniqueId,
            type: 'CampaignStarted',
            title: `Campaign "${c.name}" is sending`,
            description: `Sending to ${c.audienceSize} contacts started.`,
            ctaUrl: `/campaigns/${c.uniqueId}`,
            createdAt: iso(clamp(sentMs + SECOND)),
          });
        }
      }
    }
  }

  // Assignments: the three newest conversations assigned to each member.
  const assigned = new Map<string, { id: string; contactId: string; organizationId: string; at: string }[]>();
  for (const c of store.conversations.values()) {
    if (!c.assignedToMemberId) continue;
    const list = assigned.get(c.assignedToMemberId) ?? [];
    list.push({ id: c.uniqueId, contactId: c.contactId, organizationId: c.organizationId, at: c.createdAt });
    list.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
    if (list.length > 3) list.length = 3;
    assigned.set(c.assignedToMemberId, list);
  }
  for (const [memberId, list] of assigned) {
    const member = store.members.get(memberId);
    if (!member) continue;
    for (const a of list) {
      const contact = store.contacts.get(a.contactId);
      notes.push({
        userId: member.userId,
        organizationId: a.organizationId,
        type: 'ConversationAssigned',
        title: 'New conversation assigned to you',
        description: `You were assigned the conversation with ${contact?.name ?? 'a contact'}${contact ? ` (+${contact.phone})` : ''}.`,
        ctaUrl: `/conversations/${a.id}`,
        createdAt: iso(clamp(Date.parse(a.at) + f.number.int({ min: MINUTE, max: 2 * HOUR }))),
      });
    }
  }

  // Notifications of the last three days are unread.
  notes.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.title < b.title ? -1 : 1));
  for (const n of notes) {
    const id = uuid();
    store.notifications.set(id, { uniqueId: id, ...n, read: Date.parse(n.createdAt) < nowMs - 3 * DAY });
  }

  seedDemoChats(store, f, nowMs);
}

/** The demo owner's chat history in the main organization, answered by the same assistant as live questions. */
function seedDemoChats(store: Store, f: Faker, nowMs: number): void {
  const { world } = store;
  const orgId = world.mainOrganizationId;
  const mine = [...store.aiChats.values()].find((c) => c.organizationId === orgId && c.userId === world.demoUserId);
  if (!mine) return;
  const campaigns: AiChatRecord = {
    uniqueId: uuidFrom(f),
    organizationId: orgId,
    userId: world.demoUserId,
    title: 'Campaign planning',
    description: 'Notes for the next broadcasts.',
    status: 'Active',
    visibility: 'Private',
    createdAt: iso(nowMs - 2 * DAY),
  };
  store.aiChats.set(campaigns.uniqueId, campaigns);
  store.aiChatMessages.set(campaigns.uniqueId, []);
  let at = nowMs - 3 * DAY;
  DEMO_QUESTIONS.forEach(([which, query], i) => {
    const chat = which === 'default' ? mine : campaigns;
    at = Math.max(at, Date.parse(chat.createdAt)) + f.number.int({ min: 5 * MINUTE, max: 6 * HOUR });
    const thread = store.aiChatMessages.get(chat.uniqueId)!;
    const question: AiChatMessageRecord = { uniqueId: uuidFrom(f), chatId: chat.uniqueId, role: 'User', content: query, createdAt: iso(at) };
    const reply: AiChatMessageRecord = { uniqueId: uuidFrom(f), chatId: chat.uniqueId, role: 'Assistant', content: answerQuery(store, orgId, query), createdAt: iso(at + 4 * SECOND) };
    thread.push(question, reply);
    if (i % 2 === 0) {
      const vote = { uniqueId: uuidFrom(f), chatId: chat.uniqueId, messageId: reply.uniqueId, userId: world.demoUserId, vote: 'Upvote' as const, createdAt: iso(at + MINUTE) };
      store.aiVotes.set(vote.uniqueId, vote);
    }
  });
}
