/**
 * The mock's AI assistant: a deterministic writer that answers from the organization's real data, so that
 * what it says can be checked against the other endpoints. It recognises a few intents (the inbox, campaigns,
 * tags, contacts) and cites the knowledge-base documents that match the question's words.
 */
import type { KnowledgeDocumentRecord } from '../store/organization-records.js';
import type { Store } from '../store/store.js';

const STOPWORDS = new Set(
  (
    'a an and any are about after all also am as at be been but by can could did do does for from get give had has have how ' +
    'i if in into is it its just know let like many me much my need now of on or our please right should show so some ' +
    'tell than that the their them there these they this those to today us was we what when where which who why will with ' +
    'would you your currently moment much more most'
  ).split(' '),
);

/** The words of a text that carry meaning (lower-case, at least three letters, no stopwords), without a plural `s`. */
export function keywords(text: string): string[] {
  const words = text.toLowerCase().normalize('NFKD').match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.add(w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return [...out];
}

export interface DocumentMatch {
  document: KnowledgeDocumentRecord;
  score: number;
  /** Sentences of the document that contain a query word (the first sentence when none does). */
  sentences: string[];
}

function sentencesOf(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [text.trim()];
}

/** Active documents of the organization that share words with the text, best first. */
export function matchDocuments(store: Store, organizationId: string, text: string, limit = 2): DocumentMatch[] {
  const terms = keywords(text);
  if (terms.length === 0) return [];
  const out: DocumentMatch[] = [];
  for (const d of store.knowledgeBase.values()) {
    if (d.organizationId !== organizationId || d.status !== 'Active') continue;
    const title = d.title.toLowerCase();
    const body = d.content.toLowerCase();
    let score = 0;
    for (const t of terms) score += (title.includes(t) ? 3 : 0) + (body.includes(t) ? 1 : 0);
    if (score < 2) continue;
    const sentences = sentencesOf(d.content).filter((s) => terms.some((t) => s.toLowerCase().includes(t)));
    out.push({ document: d, score, sentences: sentences.length ? sentences.slice(0, 2) : sentencesOf(d.content).slice(0, 1) });
  }
  return out.sort((a, b) => b.score - a.score || (a.document.createdAt < b.document.createdAt ? -1 : 1)).slice(0, limit);
}

export interface OrganizationFacts {
  openConversations: number;
  conversationsWithUnread: number;
  unreadMessages: number;
  unassignedOpen: number;
  runningCampaigns: { name: string; sent: number; audience: number }[];
  scheduledCampaigns: { name: string; at: string }[];
  finishedCampaigns: number;
  /** Tags of open conversations by frequency. */
  topTags: { label: string; count: number }[];
  activeContacts: number;
  lists: number;
}

/** Counts the assistant quotes, computed from the store as it is now. */
export function organizationFacts(store: Store, organizationId: string): OrganizationFacts {
  let openConversations = 0;
  let conversationsWithUnread = 0;
  let unreadMessages = 0;
  let unassignedOpen = 0;
  const tagCounts = new Map<string, number>();
  for (const c of store.conversations.values()) {
    if (c.organizationId !== organizationId || c.status !== 'Active') continue;
    openConversations++;
    unreadMessages += c.unreadCount;
    if (c.unreadCount > 0) conversationsWithUnread++;
    if (!c.assignedToMemberId) unassignedOpen++;
    for (const t of c.tagIds) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  }
  const topTags = [...tagCounts]
    .flatMap(([id, count]) => {
      const tag = store.tags.get(id);
      return tag ? [{ label: tag.label, count }] : [];
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, 3);
  const campaigns = [...store.campaigns.values()].filter((c) => c.organizationId === organizationId);
  let activeContacts = 0;
  for (const c of store.contacts.values()) if (c.organizationId === organizationId && c.status === 'Active') activeContacts++;
  let lists = 0;
  for (const l of store.lists.values()) if (l.organizationId === organizationId) lists++;
  return {
    openConversations,
    conversationsWithUnread,
    unreadMessages,
    unassignedOpen,
    runningCampaigns: campaigns.filter((c) => c.status === 'Running').map((c) => ({ name: c.name, sent: c.messagesSent, audience: c.audienceSize })),
    scheduledCampaigns: campaigns
      .filter((c) => c.status === 'Scheduled' && c.scheduledAt)
      .sort((a, b) => (a.scheduledAt! < b.scheduledAt! ? -1 : 1))
      .map((c) => ({ name: c.name, at: c.scheduledAt! })),
    finishedCampaigns: campaigns.filter((c) => c.status === 'Finished').length,
    topTags,
    activeContacts,
    lists,
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function inboxParagraph(f: OrganizationFacts): string {
  return (
    `You have ${plural(f.openConversations, 'open conversation')}; ${plural(f.conversationsWithUnread, 'of them has', 'of them have')} ` +
    `unread messages (${plural(f.unreadMessages, 'unread message')} in total), and ${plural(f.unassignedOpen, 'open conversation is', 'open conversations are')} not assigned to anyone yet.`
  );
}

function campaignParagraph(f: OrganizationFacts): string {
  const running = f.runningCampaigns.length
    ? `${plural(f.runningCampaigns.length, 'campaign is', 'campaigns are')} running: ${f.runningCampaigns.map((c) => `"${c.name}" (${c.sent.toLocaleString('en-US')} of ${c.audience.toLocaleString('en-US')} messages sent)`).join(', ')}.`
    : 'No campaign is running right now.';
  const scheduled = f.scheduledCampaigns.length ? ` Next scheduled: "${f.scheduledCampaigns[0]!.name}" on ${f.scheduledCampaigns[0]!.at.slice(0, 10)}.` : '';
  return `${running}${scheduled} ${plural(f.finishedCampaigns, 'campaign has', 'campaigns have')} finished so far.`;
}

function tagParagraph(f: OrganizationFacts): string {
  if (f.topTags.length === 0) return 'None of the open conversations is tagged yet.';
  return `The most frequent tags on open conversations are ${f.topTags.map((t) => `${t.label} (${t.count})`).join(', ')}.`;
}

function contactParagraph(f: OrganizationFacts): string {
  return `You have ${plural(f.activeContacts, 'active contact')} in ${plural(f.lists, 'list')}.`;
}

const INTENTS: readonly { test: RegExp; write: (f: OrganizationFacts) => string }[] = [
  { test: /conversation|inbox|unread|unassigned|assigned|backlog|queue|pending|chats?\b|open\b/, write: inboxParagraph },
  { test: /campaign|broadcast|blast|sending|scheduled/, write: campaignParagraph },
  { test: /\btags?\b|label|topic|trend/, write: tagParagraph },
  { test: /contact|customers|audience|\blists?\b|segment/, write: contactParagraph },
];

/** The assistant's answer to a question, in the organization's current state. */
export function answerQuery(store: Store, organizationId: string, query: string): string {
  const q = query.toLowerCase();
  const facts = organizationFacts(store, organizationId);
  const paragraphs = INTENTS.filter((i) => i.test.test(q)).map((i) => i.write(facts));
  for (const m of matchDocuments(store, organizationId, query)) {
    paragraphs.push(`From the knowledge base, "${m.document.title}": ${m.sentences.join(' ')}`);
  }
  if (paragraphs.length === 0) {
    paragraphs.push(
      `Here is where things stand. ${inboxParagraph(facts)} ${campaignParagraph(facts)} ${tagParagraph(facts)}`,
      'Ask me about open or unread conversations, campaigns, tags, contacts, or anything covered by your knowledge base (returns, shipping, opening hours…).',
    );
  }
  return paragraphs.join('\n\n');
}
