/**
 * Conversation scripts: what customers of a shop or a clinic really write about on WhatsApp, turn by turn,
 * with several phrasings per turn. One module per family of scripts; script.ts holds their shape.
 */
import type { BusinessKind } from '../model.js';
import { appointmentBooking, directions, reschedule } from './clinic-appointments.js';
import { clinicCampaignReply, clinicOptOut, reminderReply } from './clinic-campaigns.js';
import { feesQuestion, labReport, prescriptionRefill } from './clinic-care.js';
import type { Scenario } from './script.js';
import { feedbackReply, storeCampaignReply, storeOptOut } from './store-campaigns.js';
import { addressChange, deliveryAttemptFailed, deliveryProblem, orderStatus, storePickup } from './store-orders.js';
import { paymentIssue, refundRequest, returnExchange } from './store-refunds.js';
import { compliment, installationBooking, productQuestion, wholesaleInquiry, wrongNumber } from './store-sales.js';

export { isOneOf, type DocumentKind, type MediaSpec, type Node, type OneOf, type Scenario, type Speaker, type Step } from './script.js';

// The order of each list is part of the seed: a weighted pick walks it, so reordering changes every world.

const STORE: readonly Scenario[] = [
  orderStatus,
  deliveryProblem,
  deliveryAttemptFailed,
  refundRequest,
  productQuestion,
  storeCampaignReply,
  feedbackReply,
  storeOptOut,
  addressChange,
  paymentIssue,
  installationBooking,
  wholesaleInquiry,
  returnExchange,
  compliment,
  storePickup,
  wrongNumber,
];

const CLINIC: readonly Scenario[] = [
  appointmentBooking,
  reschedule,
  labReport,
  directions,
  feesQuestion,
  prescriptionRefill,
  clinicCampaignReply,
  reminderReply,
  clinicOptOut,
];

export function scenariosFor(kind: BusinessKind): readonly Scenario[] {
  return kind === 'store' ? STORE : CLINIC;
}

/** Every script, for tests. */
export const ALL_SCENARIOS: readonly Scenario[] = [...STORE, ...CLINIC];
