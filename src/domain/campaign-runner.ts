import type { Faker } from '@faker-js/faker';
import type { Mutable, Store } from '../store/store.js';
import { createIdSource, type IdSource } from '../world/ids.js';
import type { CampaignRecord } from '../world/model.js';
import { chance, createSeededFaker } from '../world/random.js';
import { receiveText } from './inbound.js';
import { timerScheduler, type Scheduler } from './scheduler.js';

export type CampaignState = Mutable<CampaignRecord>;

/** How a running campaign behaves: one batch per step, with seeded outcomes per message. */
export interface RunnerSettings {
  /** Time between two batches, in milliseconds. */
  stepMs: number;
  /** Template messages sent per campaign and step. */
  batchSize: number;
  /** Share of sends WhatsApp refuses (counted in `messagesErrored`, not stored, as on the real server). */
  errorRate: number;
  /** Share of sent messages delivered, of delivered messages read, of read messages whose link is clicked (link tracking on). */
  deliveryRate: number;
  readRate: number;
  clickRate: number;
  /** Share of read messages the contact answers (an InBound message). */
  replyRate: number;
}

export const RUNNER_SETTINGS: Readonly<RunnerSettings> = Object.freeze({
  stepMs: 1000,
  batchSize: 5,
  errorRate: 0.03,
  deliveryRate: 0.94,
  readRate: 0.62,
  clickRate: 0.3,
  replyRate: 0.25,
});

/** What one step sent for one campaign: the campaign analytics' time series are built from these. */
export interface SendActivity {
  at: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  clicks: number;
}

/** Distinct existing contacts of the campaign's lists, in list order then list-membership order. */
export function audienceOf(store: Store, k: CampaignRecord): string[] {
  const seen = new Set<string>();
  for (const listId of k.listIds) {
    const l = store.lists.get(listId);
    if (!l || l.organizationId !== k.organizationId) continue;
    for (const id of l.contactIds) if (!seen.has(id) && store.contacts.get(id)?.organizationId === k.organizationId) seen.add(id);
  }
  return [...seen];
}

const REPLIES: readonly string[] = [
  'Hi! I got your message about the {campaign}. Is it still on?',
  'Hello, interested in the {campaign}. How do I order?',
  'Thanks for the message! Can you tell me more about the {campaign}?',
  'Does the {campaign} apply to delivery in {city}?',
  'Hi, is the {campaign} offer valid this weekend too?',
  'Please stop sending me promotional messages.',
];

/**
 * Sends running campaigns, one batch per step, on an injectable scheduler: each contact of the campaign's
 * lists gets one template message; counters (`messagesSent`, `messagesErrored`, delivered, read) move with
 * seeded outcomes, some contacts reply (an InBound message in their Active conversation, or a new
 * conversation linked to the campaign with `initiatedBy: 'Campaign'`), every step publishes
 * `CampaignProgress`, and the campaign ends `Finished` when every contact has been tried.
 * Scheduled campaigns start at `scheduledAt` (a timer armed when they are scheduled).
 */
export class CampaignRunner {
  private scheduler: Scheduler = timerScheduler;
  private readonly faker: Faker;
  private readonly ids: IdSource;
  /** Campaigns being sent, in launch order. */
  private readonly active = new Set<string>();
  private readonly attempted = new Map<string, Set<string>>();
  private readonly activity = new Map<string, SendActivity[]>();
  private readonly starts = new Map<string, { scheduledAt: string; delayMs: number; cancel: () => void }>();
  private cancelStep: (() => void) | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    readonly settings: Readonly<RunnerSettings> = RUNNER_SETTINGS,
  ) {
    this.faker = createSeededFaker([...store.world.runtimeIdSeed, 0x63616d70]);
    this.ids = createIdSource([...store.world.runtimeIdSeed, 0x63616d71]);
  }

  /** Moves every armed timer to another scheduler (tests: a ManualScheduler), with its full delay. */
  useScheduler(scheduler: Scheduler): void {
    this.scheduler = scheduler;
    for (const [id, s] of [...this.starts]) this.armStart(id, s.scheduledAt, s.delayMs);
    if (this.cancelStep) {
      this.cancelStep();
      this.cancelStep = undefined;
      this.armStep();
    }
  }

  /** Starts sending a campaign the domain has just set Running. */
  launch(k: CampaignState, at: string): void {
    this.unschedule(k.uniqueId);
    k.sentAt ??= at;
    this.active.add(k.uniqueId);
    this.progress(k);
    this.armStep();
  }

  /** Stops sending a campaign the domain has just paused or cancelled, and reports its new status. */
  halt(k: CampaignState): void {
    this.forget(k.uniqueId);
    this.progress(k);
  }

  /** Drops every timer and run of a campaign (it is being deleted). */
  forget(campaignId: string): void {
    this.unschedule(campaignId);
    this.active.delete(campaignId);
  }

  /** Arms the automatic start of a Scheduled campaign at `scheduledAt`, `now` being the current time. */
  schedule(k: CampaignState, now: string): void {
    if (!k.scheduledAt) return;
    this.armStart(k.uniqueId, k.scheduledAt, Date.parse(k.scheduledAt) - Date.parse(now));
  }

  unschedule(campaignId: string): void {
    this.starts.get(campaignId)?.cancel();
    this.starts.delete(campaignId);
  }

  /** Whether a start timer is armed for the campaign. */
  isScheduled(campaignId: string): boolean {
    return this.starts.has(campaignId);
  }

  /** With `--simulate`: the world's Running campaigns keep sending and its Scheduled ones start on time. */
  resumeWorldCampaigns(now: string): void {
    for (const k of this.store.campaigns.values()) {
      if (k.status === 'Running' && !this.active.has(k.uniqueId)) {
        this.active.add(k.uniqueId);
        this.armStep();
      } else if (k.status === 'Scheduled' && !this.starts.has(k.uniqueId)) this.schedule(k, now);
    }
  }

  /** One step: a batch for every running campaign. Returns how many contacts were tried. */
  tick(): number {
    let tried = 0;
    let at: string | undefined;
    for (const id of [...this.active]) {
      const k = this.store.campaigns.get(id);
      if (!k || k.status !== 'Running') {
        this.active.delete(id);
        continue;
      }
      at ??= this.store.now();
      tried += this.sendBatch(k, at);
    }
    return tried;
  }

  /** Campaigns being sent. */
  get running(): string[] {
    return [...this.active];
  }

  activityOf(campaignId: string): readonly SendActivity[] {
    return this.activity.get(campaignId) ?? [];
  }

  /** Cancels every timer; nothing runs afterwards. */
  stop(): void {
    this.stopped = true;
    for (const id of [...this.starts.keys()]) this.unschedule(id);
    this.cancelStep?.();
    this.cancelStep = undefined;
  }

  private armStart(campaignId: string, scheduledAt: string, delayMs: number): void {
    this.unschedule(campaignId);
    if (this.stopped) return;
    const cancel = this.scheduler.schedule(delayMs, () => {
      this.store.touch(); // a write outside any request (see Store.revision)
      this.starts.delete(campaignId);
      const k = this.store.campaigns.get(campaignId);
      if (k?.status === 'Scheduled' && k.scheduledAt === scheduledAt) {
        k.status = 'Running';
        this.launch(k, this.store.now());
      }
    });
    this.starts.set(campaignId, { scheduledAt, delayMs, cancel });
  }

  private armStep(): void {
    if (this.cancelStep || this.stopped || this.active.size === 0) return;
    this.cancelStep = this.scheduler.schedule(this.settings.stepMs, () => {
      this.store.touch(); // a write outside any request (see Store.revision)
      this.cancelStep = undefined;
      this.tick();
      this.armStep();
    });
  }

  /** Contacts already tried. A campaign that sent before the runner knew it (the world's) tried the first ones. */
  private attemptedOf(k: CampaignState): Set<string> {
    let set = this.attempted.get(k.uniqueId);
    if (!set) {
      set = new Set(audienceOf(this.store, k).slice(0, k.messagesSent + k.messagesErrored));
      this.attempted.set(k.uniqueId, set);
    }
    return set;
  }

  private sendBatch(k: CampaignState, at: string): number {
    const s = this.settings;
    const f = this.faker;
    const attempted = this.attemptedOf(k);
    const pending = audienceOf(this.store, k).filter((id) => !attempted.has(id));
    const batch = pending.slice(0, s.batchSize);
    const act: SendActivity = { at, sent: 0, delivered: 0, read: 0, failed: 0, clicks: 0 };
    for (const contactId of batch) {
      attempted.add(contactId);
      if (chance(f, s.errorRate)) {
        k.messagesErrored++;
        act.failed++;
        continue;
      }
      k.messagesSent++;
      act.sent++;
      if (!chance(f, s.deliveryRate)) continue;
      k.messagesDelivered++;
      act.delivered++;
      if (!chance(f, s.readRate)) continue;
      k.messagesRead++;
      act.read++;
      if (k.isLinkTrackingEnabled && chance(f, s.clickRate)) act.clicks++;
      if (chance(f, s.replyRate)) {
        const city = this.store.contacts.get(contactId)?.attributes.city;
        const text = f.helpers.arrayElement(REPLIES).replace('{campaign}', k.name).replace('{city}', typeof city === 'string' ? city : 'my city');
        receiveText(this.store, this.ids, { contactId, text, at, campaignId: k.uniqueId, scenario: 'campaign_reply' });
      }
    }
    if (batch.length > 0) {
      const log = this.activity.get(k.uniqueId) ?? [];
      log.push(act);
      this.activity.set(k.uniqueId, log);
    }
    k.audienceSize = attempted.size + pending.length - batch.length;
    if (pending.length === batch.length) {
      k.status = 'Finished';
      this.active.delete(k.uniqueId);
    }
    this.progress(k);
    return batch.length;
  }

  /** `CampaignProgress` goes to every connected client, as on the real server (the event is untagged). */
  private progress(k: CampaignState): void {
    this.store.events.publish({
      type: 'CampaignProgress',
      data: { campaignId: k.uniqueId, messagesSent: k.messagesSent, messagesErrored: k.messagesErrored, status: k.status },
    });
  }
}

const runners = new WeakMap<Store, CampaignRunner>();

/** The runner of a store (created on first use, with real timers). */
export function campaignRunner(store: Store): CampaignRunner {
  let r = runners.get(store);
  if (!r) {
    r = new CampaignRunner(store);
    runners.set(store, r);
  }
  return r;
}

/** What the runner sent for a campaign (empty when the runner never sent it). Never creates a runner. */
export function campaignActivity(store: Store, campaignId: string): readonly SendActivity[] {
  return runners.get(store)?.activityOf(campaignId) ?? [];
}

/** Stops the store's runner, if it has one (server close, reset). */
export function stopCampaignRunner(store: Store): void {
  runners.get(store)?.stop();
}
