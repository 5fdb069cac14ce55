/** Online store: questions before buying, services after it, bulk buyers, praise, and the odd wrong number. */
import { agent, contact, optional, type Scenario } from './script.js';

export const productQuestion: Scenario = {
  key: 'product_question',
  business: 'store',
  weight: 14,
  tags: [],
  steps: [
    {
      oneOf: [
        [
          contact(['Hi! Is the {product} available in {color}?', 'Hello, do you have the {product} in {color}?'], {
            media: { type: 'Image', p: 0.35, captions: ['Is this one still available in {color}?', 'Saw this on your Instagram — do you have it in {color}?'] },
          }),
          agent(['Hi {name}! Yes, the {product} is in stock in {color}. It is {amount} right now.', 'Hello {name}, we have 3 left in {color}, priced at {amount}.']),
        ],
        [
          contact(['Hello, does the {product} come with a warranty?', 'Hi, what kind of warranty do you give on the {product}?']),
          agent(['Hello {name}, the {product} has a 12-month warranty and free returns within 30 days.', 'Hi {name}! It comes with a one-year manufacturer warranty. We also accept returns within 30 days.']),
        ],
        [
          contact(["Hi, what's the difference between the {product} and the {product2}?", 'Hello, trying to decide between the {product} and the {product2}. Which one would you recommend?']),
          agent([
            'Great question! The {product} is lighter and costs {amount}; the {product2} has a few more features. Both ship within 2 days.',
            'Most customers go for the {product}: better value at {amount}. The {product2} is worth it if you use it every day.',
          ]),
        ],
      ],
    },
    agent([], { p: 0.45, media: { type: 'Image', p: 1, captions: ['Here it is in {color}', 'A real photo from our warehouse', ''] } }),
    agent([], { p: 0.1, media: { type: 'Video', p: 1, captions: ['Quick demo video', 'Here is how it works', ''] } }),
    {
      oneOf: [
        [
          contact(['How long does delivery take to {city}?', 'And how fast can you deliver to {city}?']),
          agent(['Delivery to {city} usually takes {eta} business days.', 'For {city} it is {eta} business days, and shipping is free over {amount}.']),
        ],
        [
          contact(['Is there any discount running at the moment?', 'Do you have any offers on it?']),
          agent(['You can use code {code} for {discount} off your order 🙂', 'Yes! Code {code} gives you {discount} off until {date}.'], { react: 0.15 }),
        ],
        [],
      ],
    },
    {
      oneOf: [
        [
          contact(["Perfect, I'll order it now.", 'Okay, ordering it tonight. Thanks!', 'Great, just placed the order 🙌']),
          agent(['Here is the direct link: https://{website}/p/{slug}', 'Thank you, {name}! Your order {order} is confirmed.'], { p: 0.6 }),
        ],
        [
          contact(['Let me think about it and get back to you.', "Thanks, I'll check with my partner first.", 'Okay, thank you. I will decide by the weekend.']),
          agent(['Sure, take your time! Just reply here if you have more questions.', 'No rush. The offer is valid until {date}.'], { p: 0.5 }),
        ],
      ],
    },
  ],
};

export const installationBooking: Scenario = {
  key: 'installation_booking',
  business: 'store',
  weight: 5,
  tags: [],
  steps: [
    contact([
      'Hi, I bought the {appliance}. Can someone come to install it?',
      "Hello, I'd like to book an installation for my new {appliance}.",
      'Do you offer setup at home? I ordered the {appliance} last week.',
    ]),
    agent(['Hi {name}! Yes, installation is free. We have slots on {day} at {slot_a} or {slot_b}. Which works for you?', 'Sure! Our technician is available on {day} at {slot_a} or {slot_b}.']),
    contact(['{time} works.', "Let's do {time}.", '{day} at {time} is fine.']),
    contact([], { p: 0.45, media: { type: 'Location', p: 1, place: 'contact' } }),
    agent(['Booked! Our technician will visit on {day} at {time}. They will call 30 minutes before.', 'Confirmed for {day}. Please keep the invoice handy for the technician.'], {
      react: 0.2,
    }),
    contact(['Thanks!', 'Great, see you then.', 'Perfect 👌']),
    optional(0.5, [
      agent(['Reminder: your installation visit is tomorrow at {time}.', 'Hi {name}, just a reminder about tomorrow’s visit at {time}.'], { later: 'hours' }),
      contact(["Thanks, I'll be home.", 'Noted 👍'], { p: 0.6 }),
    ]),
  ],
};

export const wholesaleInquiry: Scenario = {
  key: 'wholesale_inquiry',
  business: 'store',
  weight: 3,
  tags: ['Wholesale'],
  steps: [
    contact([
      'Hi, I run a small shop in {city}. Do you offer wholesale prices?',
      "Hello, I'm interested in buying the {product} in bulk, around {qty} units.",
      'Do you do bulk orders for businesses? We need about {qty} pieces.',
    ]),
    agent(["Hi {name}, yes we do! The minimum order is 20 units. I'll send you our wholesale price list.", 'Hello {name}, thanks for reaching out. We offer tiered discounts for bulk orders — here is our price list.']),
    agent([], { media: { type: 'Document', p: 0.85, file: 'price-list', captions: ['Wholesale price list', 'Trade prices', ''] } }),
    {
      oneOf: [
        [contact(["Thanks, I'll go through it.", 'Got it, thanks. I will share it with my partner.'])],
        [
          contact(['Can you do a better price for {qty} units?', 'What discount can you give on {qty} units?']),
          agent(['For {qty} units we can offer an extra 5% off and free shipping.', 'Let me check with my manager and get back to you today.']),
        ],
      ],
    },
    optional(0.6, [
      contact(["Okay, let's go ahead with {qty} units of the {product}.", 'We would like to order {qty} units. Please send the proforma invoice.'], { later: 'days' }),
      agent(['Great! Here is the proforma invoice.', 'Sending the proforma now. Payment by bank transfer, please.'], {
        media: { type: 'Document', p: 0.7, file: 'proforma', captions: ['Proforma invoice', ''] },
      }),
    ]),
  ],
};

export const compliment: Scenario = {
  key: 'compliment',
  business: 'store',
  weight: 3,
  tags: ['Feedback'],
  steps: [
    contact([
      'Just wanted to say the {product} is amazing. Thank you!',
      'Received my order today and I love it 😍',
      'Great service, the delivery was super fast. Will definitely order again.',
    ]),
    contact([], { p: 0.5, media: { type: 'Image', p: 1, captions: ['Looks great in our living room!', 'Already in use 😄', ''] } }),
    {
      oneOf: [
        [agent(["That's so lovely to hear, {name}! Thank you for shopping with us.", 'Thank you so much, {name}! That made our day 😊'], { react: 0.4 })],
        [
          agent(['Thank you so much, {name}! Would you mind leaving us a quick review? https://{website}/reviews']),
          contact(['Sure, will do!', 'Done ✅'], { p: 0.6 }),
        ],
      ],
    },
  ],
};

export const wrongNumber: Scenario = {
  key: 'wrong_number',
  business: 'store',
  weight: 2,
  closes: true,
  tags: [],
  steps: [
    contact(['Hi, is this Ravi?', 'Hello, is this the dentist?', 'Hey, are you the plumber from yesterday?']),
    agent(['Hi! This is the WhatsApp line of {business}. I think you may have the wrong number.', 'Hello! This is {business} customer support. I think you might have the wrong number.']),
    contact(['Oh sorry! My mistake.', 'Oops, sorry about that.', 'Ah, sorry!']),
  ],
};
