/** Clinic: lab reports, prescription refills, fees and insurance. */
import { agent, contact, THANKS, type Scenario } from './script.js';

export const labReport: Scenario = {
  key: 'lab_report',
  business: 'clinic',
  weight: 15,
  tags: ['Follow-up'],
  steps: [
    contact(['Hi, are my blood test results ready?', 'Hello, I did my tests on Monday. When will the report be available?']),
    agent(['Hi {name}, yes, your report is ready. Sending it here.', 'Let me check... yes, it came in this morning.']),
    agent([], { media: { type: 'Document', p: 0.9, file: 'lab-report', captions: ['Your lab report', ''] } }),
    contact(['Thanks. Do I need to see the doctor about these results?', 'Got it, thank you!']),
    agent(['{doctor} has reviewed it and everything is within the normal range.', '{doctor} would like to see you for a short follow-up. Shall I book {day} at {time}?'], { p: 0.7 }),
  ],
};

export const prescriptionRefill: Scenario = {
  key: 'prescription_refill',
  business: 'clinic',
  weight: 8,
  tags: [],
  steps: [
    contact(['Hi, I need a refill of my prescription.', 'Hello, I am running out of my regular medicine. Can the doctor renew the prescription?']),
    contact([], { p: 0.5, media: { type: 'Image', p: 1, captions: ['Photo of the old prescription', ''] } }),
    agent(['{doctor} has approved the refill. You can pick it up from the front desk after 4 PM.', 'Done, {name}. The new prescription is attached.'], {
      media: { type: 'Document', p: 0.4, file: 'prescription', captions: ['Prescription', ''] },
    }),
    contact(THANKS, { p: 0.8 }),
  ],
};

export const feesQuestion: Scenario = {
  key: 'fees_question',
  business: 'clinic',
  weight: 10,
  tags: ['Insurance'],
  steps: [
    {
      oneOf: [
        [
          contact(['Hello, do you accept insurance?', 'Is my health insurance accepted at your clinic?']),
          agent(['Yes, we work with most major insurers. Please bring your insurance card.', 'We do! Please send a photo of your insurance card so we can check it before the visit.']),
        ],
        [
          contact(['How much is a consultation?', 'What are your consultation fees?']),
          agent(['A general consultation is {amount}; follow-ups within 7 days are free.', 'It is {amount} for a first visit.']),
        ],
        [
          contact(['Do you do home visits? What does it cost?']),
          agent(['Yes, {doctor} does home visits in the afternoon. A visit is {amount}.']),
        ],
      ],
    },
    contact(THANKS, { p: 0.7 }),
  ],
};
