/**
 * The skeleton of a conversation thread: which messages exist, who sends them, their
 * type, time and status — everything except their content.
 *
 * The skeleton is cheap to compute, so the world builds it for every conversation
 * up front to know exact message / unread counts, and threads.ts rebuilds it (from
 * the same seed) before rendering the content of one conversation on demand.
 *
 * Timing rules:
 * - the first message is at the conversation's createdAt;
 * - a message from the same sender follows 3 s – 2 min after the previous one;
 * - an answer (the other side) comes 1 – 30 minutes after the question, or, when
 *   the agent is slow, in the next working session;
 * - a new working session starts 2 – 20 hours (or 1 – 4 days) later;
 * - nothing happens after the horizon (`now`, or the start of the contact's next
 *   conversation): the thread is cut there.
 */
import type { Faker } from '@faker-js/faker';
import type { MessageDirection, MessageStatus, MessageType } from './model.js';
import { chance, intBetween, pickWeighted } from './random.js';
import { isOneOf, type Node, type Scenario, type Step } from './scenarios/index.js';
import { DAY, HOUR, MINUTE, SECOND } from './time.js';

export interface PlannedMessage {
  readonly direction: MessageDirection;
  readonly type: MessageType;
  readonly at: number;
  status: MessageStatus;
  /** Script step the message comes from (`undefined` for generic reactions/stickers). */
  readonly step: Step | undefined;
  /** Index of the message this one quotes, or -1. */
  readonly replyTo: number;
  /** Index of the message a Reaction reacts to, or -1. */
  readonly target: number;
  /** Index of the failed message this one re-sends, or -1. */
  readonly retryOf: number;
}

export interface ThreadPlan {
  readonly messages: PlannedMessage[];
  /** Every step of the script happened (not cut by the horizon or abandoned). */
  readonly completed: boolean;
}

export interface PlanInputs {
  readonly scenario: Scenario;
  readonly startMs: number;
  /** Latest allowed message time (inclusive). */
  readonly horizonMs: number;
}

/** Share of outbound text messages that fail to send (and are re-sent). */
const FAILURE_RATE = 0.012;
const VOICE_NOTE_RATE = 0.08;
const GENERIC_REACTION_RATE = 0.06;
const STICKER_RATE = 0.2;
const QUOTE_RATE_CONTACT = 0.06;
const QUOTE_RATE_AGENT = 0.04;
const SLOW_AGENT_RATE = 0.1;
const ABANDON_RATE = 0.1;

export const TIMING = {
  sameSenderMin: 3 * SECOND,
  sameSenderMax: 2 * MINUTE,
  replyMin: 1 * MINUTE,
  replyMax: 30 * MINUTE,
  sessionMin: 2 * HOUR,
} as const;

function sameSenderGap(f: Faker): number {
  return intBetween(f, TIMING.sameSenderMin, TIMING.sameSenderMax);
}

function replyGap(f: Faker): number {
  // Skewed towards quick answers: most replies within a few minutes.
  const u = f.number.float();
  return Math.round(TIMING.replyMin + (TIMING.replyMax - TIMING.replyMin) * u * u);
}

function sessionGap(f: Faker, kind: 'hours' | 'days'): number {
  return kind === 'hours' ? intBetween(f, TIMING.sessionMin, 20 * HOUR) : intBetween(f, DAY, 4 * DAY) + intBetween(f, 0, 10 * HOUR);
}

/** Flattens the script: resolves `oneOf` branches and optional steps. */
function pickSteps(f: Faker, nodes: readonly Node[], out: Step[]): void {
  for (const node of nodes) {
    if (isOneOf(node)) {
      const weights = node.weights;
      const branch =
        weights === undefined ? f.helpers.arrayElement(node.oneOf) : pickWeighted(f, node.oneOf, (b) => weights[node.oneOf.indexOf(b)] ?? 0);
      pickSteps(f, branch, out);
    } else if (node.p === undefined || chance(f, node.p)) {
      out.push(node);
    }
  }
}

function lastIndexBy(messages: readonly PlannedMessage[], direction: MessageDirection): number {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m !== undefined && m.direction === direction && m.type !== 'Reaction') return i;
  }
  return -1;
}

/** Nobody reacts with an emoji to a question: they answer it. */
function asksSomething(step: Step): boolean {
  return step.say.some((text) => text.includes('?'));
}

/** Time of the next message, by `direction`, given the thread so far. */
function timeAfter(f: Faker, messages: readonly PlannedMessage[], startMs: number, direction: MessageDirection, later: 'hours' | 'days' | undefined): number {
  const prev = messages[messages.length - 1];
  if (prev === undefined) return startMs;
  if (later !== undefined) return prev.at + sessionGap(f, later);
  if (prev.direction === direction) return prev.at + sameSenderGap(f);
  if (direction === 'OutBound' && chance(f, SLOW_AGENT_RATE)) return prev.at + sessionGap(f, 'hours');
  return prev.at + replyGap(f);
}

function message(
  direction: MessageDirection,
  type: MessageType,
  at: number,
  step: Step | undefined,
  replyTo: number,
  target: number,
  retryOf: number,
  status: MessageStatus,
): PlannedMessage {
  return { direction, type, at, status, step, replyTo, target, retryOf };
}

/** Builds the skeleton of a thread. Uses only `f` for randomness. */
export function planThread(f: Faker, inputs: PlanInputs): ThreadPlan {
  const steps: Step[] = [];
  pickSteps(f, inputs.scenario.steps, steps);
  const abandonAfter = chance(f, ABANDON_RATE) ? intBetween(f, 1, 5) : Number.POSITIVE_INFINITY;
  const horizon = inputs.horizonMs;
  const start = inputs.startMs;
  const messages: PlannedMessage[] = [];
  let completed = true;

  for (const step of steps) {
    if (messages.length >= abandonAfter) {
      completed = false;
      break;
    }
    const direction: MessageDirection = step.by === 'contact' ? 'InBound' : 'OutBound';
    let type: MessageType = 'Text';
    if (step.media !== undefined && chance(f, step.media.p)) type = step.media.type;
    else if (step.say.length === 0) continue; // media-only step that did not happen
    else if (direction === 'InBound' && chance(f, VOICE_NOTE_RATE)) type = 'Audio';

    const at = timeAfter(f, messages, start, direction, step.later);
    const other = lastIndexBy(messages, direction === 'InBound' ? 'OutBound' : 'InBound');
    const quoteRate = direction === 'InBound' ? QUOTE_RATE_CONTACT : QUOTE_RATE_AGENT;
    const replyTo = other >= 0 && type !== 'Audio' && chance(f, quoteRate) ? other : -1;
    const failed = direction === 'OutBound' && type === 'Text' && chance(f, FAILURE_RATE);
    if (at > horizon) {
      completed = false;
      break;
    }
    messages.push(message(direction, type, at, step, replyTo, -1, -1, failed ? 'Failed' : 'Sent'));
    if (failed) {
      const retryAt = at + intBetween(f, MINUTE, 3 * MINUTE);
      if (retryAt > horizon) {
        completed = false;
        break;
      }
      messages.push(message(direction, type, retryAt, step, replyTo, -1, messages.length - 1, 'Sent'));
    }
    if (direction === 'OutBound' && chance(f, step.react ?? (asksSomething(step) ? 0 : GENERIC_REACTION_RATE))) {
      const target = messages.length - 1;
      const reactionAt = timeAfter(f, messages, start, 'InBound', undefined);
      if (reactionAt > horizon) {
        completed = false;
        break;
      }
      messages.push(message('InBound', 'Reaction', reactionAt, undefined, -1, target, -1, 'Sent'));
    }
  }

  if (completed && chance(f, STICKER_RATE)) {
    const at = timeAfter(f, messages, start, 'InBound', undefined);
    if (at <= horizon) messages.push(message('InBound', 'Sticker', at, undefined, -1, -1, -1, 'Sent'));
  }
  return { messages, completed };
}

/**
 * Sets the statuses of the messages of a thread, the way the real server's data
 * looks, and returns the number of unread messages:
 * - an inbound message is `Read` once an outbound message follows it; the inbound
 *   messages after the last outbound one are `Sent` (unread) while the conversation
 *   is Active, `Read` once it was Closed (someone handled it);
 * - an outbound message followed by an inbound one is `Read`; the trailing outbound
 *   messages share one status depending on their age (`Sent` → `Delivered` → `Read`);
 * - `Failed` messages stay `Failed`.
 */
export function assignStatuses(f: Faker, messages: PlannedMessage[], closed: boolean, nowMs: number): number {
  let lastOut = -1;
  let lastIn = -1;
  messages.forEach((m, i) => {
    if (m.direction === 'OutBound') lastOut = i;
    else lastIn = i;
  });
  const last = messages[messages.length - 1];
  let trailingOutStatus: MessageStatus = 'Read';
  if (last !== undefined && last.direction === 'OutBound') {
    const age = nowMs - last.at;
    if (age < 3 * MINUTE) trailingOutStatus = chance(f, 0.5) ? 'Sent' : 'Delivered';
    else if (age < 2 * HOUR) trailingOutStatus = chance(f, 0.5) ? 'Delivered' : 'Read';
    else if (age < 2 * DAY) trailingOutStatus = chance(f, 0.3) ? 'Delivered' : 'Read';
    else trailingOutStatus = chance(f, 0.12) ? 'Delivered' : 'Read';
  }
  let unread = 0;
  messages.forEach((m, i) => {
    if (m.status === 'Failed') return;
    if (m.direction === 'OutBound') {
      m.status = i < lastIn ? 'Read' : trailingOutStatus;
    } else if (i < lastOut) {
      m.status = 'Read';
    } else if (closed) {
      m.status = 'Read';
    } else {
      m.status = 'Sent';
      unread++;
    }
  });
  return unread;
}
