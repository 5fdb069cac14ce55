/** Clinic: patients answering a health check-up broadcast or an appointment reminder, or opting out. */
import { agent, contact, type Scenario } from './script.js';

export const clinicCampaignReply: Scenario = {
  key: 'campaign_reply',
  business: 'clinic',
  weight: 8,
  campaign: true,
  campaignTemplates: ['health_checkup_campaign'],
  tags: [],
  steps: [
    {
      oneOf: [
        [contact(['Hi, I got your message about the {campaign}. Can I book for {day}?', 'Book a slot']), agent(['Hi {name}! Yes, we have {slot_a} or {slot_b} on {day}.'])],
        [contact(['Hello, is the {campaign} still on?']), agent(['Yes, it runs until {date}. We have {slot_a} or {slot_b} on {day} if you would like to come in.'])],
      ],
    },
    contact(['{time} please.', 'Yes please, {time}.']),
    agent(['Booked! See you on {day}.'], { react: 0.2 }),
  ],
};

export const reminderReply: Scenario = {
  key: 'reminder_reply',
  business: 'clinic',
  weight: 6,
  campaign: true,
  campaignTemplates: ['appointment_reminder'],
  tags: ['Follow-up'],
  steps: [
    {
      oneOf: [
        [contact(['Confirm', '1', 'Confirmed, see you tomorrow.']), agent(['Thank you, {name}! See you tomorrow.', 'Great, your appointment is confirmed.'], { p: 0.7, react: 0.3 })],
        [
          contact(['Reschedule', '2', 'Can we move it to another day?']),
          {
            oneOf: [
              [agent(['No problem. We have {day} at {slot_a} or {slot_b}.']), contact(['{time} please.', '{time} works for me.'])],
              [agent(['Sure! Would {day} at {time} work?']), contact(['Yes, that works.'])],
            ],
          },
          agent(['Done, see you on {day} at {time}.'], { react: 0.3 }),
        ],
      ],
    },
  ],
};

export const clinicOptOut: Scenario = {
  key: 'opt_out',
  business: 'clinic',
  weight: 3,
  campaign: true,
  campaignTemplates: ['health_checkup_campaign'],
  closes: true,
  optOut: true,
  tags: [],
  steps: [
    contact(['STOP', 'Stop promotions', 'Please remove me from this list.']),
    agent(["Done, {name}. You won't receive promotional messages from us anymore."]),
  ],
};
