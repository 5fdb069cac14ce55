/** Clinic: booking and moving appointments, and finding the way there. */
import { agent, contact, optional, type Scenario } from './script.js';

export const appointmentBooking: Scenario = {
  key: 'appointment_booking',
  business: 'clinic',
  weight: 30,
  tags: ['New patient'],
  steps: [
    contact([
      "Hi, I'd like to book an appointment with {doctor}.",
      'Hello, do you have any slots this week for a general check-up?',
      'Hi, my son has had a cough for a few days. Can we see a doctor this week?',
    ]),
    agent(['Hello {name}, this is {agent} from {business}. {doctor} is available on {day} at {slot_a} or {slot_b}.', 'Hi {name}! We have openings on {day}: {slot_a} or {slot_b}. Which would you prefer?']),
    contact(['{time} please.', '{time} works for me.', "I'll take {time}."]),
    agent(['Booked: {day} at {time} with {doctor}. Please arrive 10 minutes early and bring any previous reports.', "You're confirmed for {day}, {time}. The consultation fee is {amount}."], {
      react: 0.25,
    }),
    agent([], { p: 0.4, media: { type: 'Location', p: 1, place: 'business' } }),
    contact(['Thank you!', 'Thanks, see you then.']),
    optional(0.6, [
      agent(['Reminder: your appointment with {doctor} is tomorrow at {time}. Reply 1 to confirm or 2 to reschedule.'], { later: 'hours' }),
      contact(['1', 'Confirmed, thanks.'], { p: 0.8 }),
    ]),
  ],
};

export const reschedule: Scenario = {
  key: 'reschedule',
  business: 'clinic',
  weight: 15,
  tags: ['Follow-up'],
  steps: [
    contact(['Hi, I need to reschedule my appointment for tomorrow.', 'Hello, something came up at work. Can I move my appointment to another day?', 'Hi, I can’t make it to my appointment this week. Can we change it?']),
    {
      oneOf: [
        [agent(['No problem, {name}. We have {day} at {slot_a} or {slot_b}.']), contact(['{time} is good.', '{time} please.'])],
        [agent(['Sure! Would {day} at {time} work?']), contact(['Yes, that works.', 'Perfect, thank you.'])],
      ],
    },
    agent(['Done, your new appointment is on {day} at {time}.'], { react: 0.3 }),
    contact(['Thanks 🙏', 'Thank you!'], { p: 0.6 }),
  ],
};

export const directions: Scenario = {
  key: 'directions',
  business: 'clinic',
  weight: 8,
  tags: [],
  steps: [
    contact(["Hi, where exactly is the clinic? I'm coming for the first time.", 'Is there parking near the clinic?']),
    agent([], { media: { type: 'Location', p: 0.9, place: 'business' } }),
    agent(['Here is our location. Parking is available behind the building.', 'We are on the ground floor, next to the pharmacy.']),
    contact(['Thanks!', 'Great, thank you.'], { p: 0.7 }),
  ],
};
