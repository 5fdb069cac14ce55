import type { Faker } from '@faker-js/faker';
import type { MockOptions } from '../options.js';
import type { ConversationState, Store } from '../store/store.js';
import { PRODUCTS, TIME_SLOTS } from '../world/catalog.js';
import { createIdSource, type IdSource } from '../world/ids.js';
import type { BusinessKind, ContactRecord } from '../world/model.js';
import { chance, createSeededFaker } from '../world/random.js';
import { campaignRunner } from './campaign-runner.js';
import { openConversationOf, receiveText, type Delivered } from './inbound.js';
import { timerScheduler, type Scheduler } from './scheduler.js';

/**
 * `--simulate`: customers write in on their own. Every `simulateIntervalMs` (±50 %, seeded) one customer
 * message arrives: mostly a follow-up in an Active conversation, sometimes (`NEW_CONVERSATION_SHARE`) a
 * first message from a contact with no conversation open, which opens one. Each goes through the same path
 * as a campaign reply (src/domain/inbound.ts): counters move, `NewConversation` / `NewMessage` are published.
 * The world's Running campaigns resume sending and its Scheduled ones start on time.
 */
export const NEW_CONVERSATION_SHARE = 0.2;

const FOLLOW_UPS: Record<BusinessKind, readonly string[]> = {
  store: [
    'Any update on this?',
    'Thanks! When will it be delivered?',
    'Can I still change the delivery address?',
    'Is the {product} also available in another colour?',
    'Ok, thank you 🙏',
    'Could you send me the invoice again, please?',
    'Hello? Still waiting for an answer.',
    'Great, that works for me.',
    'One more question: do you deliver on Sundays?',
    'Can I pay cash on delivery?',
  ],
  clinic: [
    'Can I move my appointment to {slot}?',
    'Do I need to fast before the test?',
    'Thank you, doctor!',
    'Is there parking near the clinic?',
    'Could you send the report again, please?',
    'Which documents should I bring?',
    'Ok, see you then.',
  ],
};

const OPENERS: Record<BusinessKind, readonly string[]> = {
  store: [
    'Hi! Is the {product} in stock?',
    'Hello, I would like to order the {product}. Do you deliver to {city}?',
    'Hi, do you have any offers on the {product} this week?',
    "Hey, my order hasn't arrived yet. Can you check?",
    'Hello! What is the return window for the {product}?',
  ],
  clinic: [
    'Hello, can I book an appointment for tomorrow at {slot}?',
    'Hi, what are your opening hours on Saturday?',
    'Good morning, is a doctor available this week?',
    'Hello, I need a copy of my last lab report.',
  ],
};

function fill(f: Faker, text: string, contact: ContactRecord): string {
  const city = contact.attributes.city;
  return text
    .replace('{product}', f.helpers.arrayElement(PRODUCTS))
    .replace('{slot}', f.helpers.arrayElement(TIME_SLOTS))
    .replace('{city}', typeof city === 'string' ? city : 'my city');
}

/** One simulated customer message. Returns what happened, or undefined when the world has nobody to write. */
export function simulateOnce(store: Store, f: Faker, ids: IdSource): Delivered | undefined {
  const orgs = [...store.organizations.values()];
  const contactsByOrg = new Map<string, ContactRecord[]>();
  for (const c of store.contacts.values()) {
    const list = contactsByOrg.get(c.organizationId) ?? [];
    list.push(c);
    contactsByOrg.set(c.organizationId, list);
  }
  const candidates = orgs.filter((o) => (contactsByOrg.get(o.uniqueId)?.length ?? 0) > 0);
  if (candidates.length === 0) return undefined;
  // Organizations with more customers hear from them more often.
  const weights = candidates.map((o) => contactsByOrg.get(o.uniqueId)!.length);
  let r = f.number.float() * weights.reduce((a, b) => a + b, 0);
  const org = candidates.find((_, i) => (r -= weights[i]!) < 0) ?? candidates[0]!;
  const kind = org.businessKind;
  const at = store.now();
  const active = store.conversationIndex(org.uniqueId, 'Active');
  if (active.length > 0 && !chance(f, NEW_CONVERSATION_SHARE)) {
    const id = active.page(f.number.int(active.length - 1), 1, 'asc')[0];
    const c: ConversationState | undefined = id === undefined ? undefined : store.conversations.get(id);
    const contact = c ? store.contacts.get(c.contactId) : undefined;
    if (c && contact) return receiveText(store, ids, { contactId: contact.uniqueId, conversation: c, text: fill(f, f.helpers.arrayElement(FOLLOW_UPS[kind]), contact), at, scenario: 'simulated' });
  }
  const people = contactsByOrg.get(org.uniqueId)!;
  for (let tries = 0; tries < 20; tries++) {
    const contact = f.helpers.arrayElement(people);
    if (contact.status === 'Blocked' || openConversationOf(store, contact.uniqueId)) continue;
    return receiveText(store, ids, { contactId: contact.uniqueId, text: fill(f, f.helpers.arrayElement(OPENERS[kind]), contact), at, scenario: 'simulated' });
  }
  return undefined;
}

/**
 * Starts the simulation on `store`; returns `stop()`, which cancels its timer. Timers are unref'd (they never
 * keep the process alive). Pass a scheduler to drive it by hand (tests): the campaign runner then uses it too.
 */
export function start(store: Store, options: Pick<MockOptions, 'seed' | 'simulateIntervalMs'>, scheduler?: Scheduler): () => void {
  const f = createSeededFaker([options.seed, 0x73696d75]);
  const ids = createIdSource([...store.world.runtimeIdSeed, 0x73696d76]);
  const timers = scheduler ?? timerScheduler;
  const runner = campaignRunner(store);
  if (scheduler) runner.useScheduler(scheduler);
  runner.resumeWorldCampaigns(store.now());
  let stopped = false;
  let cancel: (() => void) | undefined;
  const next = () => {
    const delay = Math.round(options.simulateIntervalMs * (0.5 + f.number.float()));
    cancel = timers.schedule(delay, () => {
      if (stopped) return;
      store.touch(); // a write outside any request (see Store.revision)
      simulateOnce(store, f, ids);
      next();
    });
  };
  next();
  return () => {
    stopped = true;
    cancel?.();
  };
}
