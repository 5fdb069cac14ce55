/**
 * The shape of a conversation script, the helpers the scripts are written with, and the lines several
 * scripts share. The scripts themselves live next to this file, one module per family (see index.ts).
 *
 * Placeholders in `{braces}` are filled per conversation by threads.ts:
 * {name} customer first name · {agent} agent first name · {business} organisation name ·
 * {website} shop domain · {order} order number like #48213 · {product}/{product2} product names ·
 * {appliance} a product that needs installing ·
 * {amount} price with currency · {tracking} tracking number · {carrier} courier ·
 * {date} a date a few days after the conversation started · {day} weekday · {slot_a}/{slot_b} two
 * offered time slots, {time} the one the customer picks (one of them) ·
 * {address}/{city} customer's address · {code}/{discount} coupon ·
 * {campaign} how the customer names the campaign they answer ("weekend flash sale") ·
 * {ref} refund reference · {color} colour · {qty} bulk quantity · {doctor} doctor's name ·
 * {business_address} the shop's / clinic's street address ·
 * {eta} delivery days · {refund_days} refund delay · {slug} product URL slug.
 */
import type { BusinessKind } from '../model.js';

export type Speaker = 'contact' | 'agent';

/** A document the script may send; decides the file name. */
export type DocumentKind = 'invoice' | 'proforma' | 'price-list' | 'lab-report' | 'prescription' | 'return-label';

export type MediaSpec =
  | { readonly type: 'Image' | 'Video'; readonly p: number; readonly captions: readonly string[] }
  | { readonly type: 'Document'; readonly p: number; readonly file: DocumentKind; readonly captions: readonly string[] }
  | { readonly type: 'Location'; readonly p: number; readonly place: 'contact' | 'business' };

export interface Step {
  readonly by: Speaker;
  /** Phrasings of the text; empty when the step only exists as media. */
  readonly say: readonly string[];
  /** Probability that the step happens at all (default 1). */
  readonly p?: number;
  /** Starts a new working session, some hours or days after the previous message. */
  readonly later?: 'hours' | 'days';
  /** Sent as media instead of text with probability `media.p`. */
  readonly media?: MediaSpec;
  /** Chance that the customer reacts to this (agent) message with an emoji. */
  readonly react?: number;
}

/** One of several branches (uniformly, or by `weights`); an empty branch means "nothing". */
export interface OneOf {
  readonly oneOf: readonly (readonly Node[])[];
  readonly weights?: readonly number[];
}

export type Node = Step | OneOf;

export interface Scenario {
  readonly key: string;
  readonly business: BusinessKind;
  /** Relative frequency among the business's scripts. */
  readonly weight: number;
  /** The customer is answering a campaign broadcast: the conversation links the campaign. */
  readonly campaign?: boolean;
  /** Names of the templates whose broadcasts this script answers (any, when absent). */
  readonly campaignTemplates?: readonly string[];
  /** Tag labels conversations of this script usually carry. */
  readonly tags: readonly string[];
  /** Completed conversations of this script are closed. */
  readonly closes?: boolean;
  /** The customer opts out: their contact becomes Inactive. */
  readonly optOut?: boolean;
  readonly steps: readonly Node[];
}

export function isOneOf(node: Node): node is OneOf {
  return 'oneOf' in node;
}

/** A customer's turn. */
export const contact = (say: readonly string[], extra: Omit<Step, 'by' | 'say'> = {}): Step => ({ by: 'contact', say, ...extra });
/** An agent's turn. */
export const agent = (say: readonly string[], extra: Omit<Step, 'by' | 'say'> = {}): Step => ({ by: 'agent', say, ...extra });
/** The steps happen together (with probability `p`) or not at all. */
export const optional = (p: number, steps: readonly Node[]): OneOf => ({ oneOf: [steps, []], weights: [p, 1 - p] });

/** A customer's thanks. */
export const THANKS: readonly string[] = [
  'Thank you!',
  'Thanks a lot 🙏',
  'Great, thanks for the quick reply.',
  'Perfect, thank you.',
  'Okay, thank you so much!',
  'Appreciate it, thanks.',
  'thanks!!',
];

/** An agent's closing line. */
export const AGENT_SIGN_OFF: readonly string[] = [
  "You're welcome, {name}! Let us know if there's anything else.",
  'Happy to help 😊 Have a great day!',
  'Anytime! Take care.',
  'My pleasure. Have a lovely evening!',
];
