/** Online store: where an order is, what went wrong with its delivery, where it should go or be picked up. */
import { AGENT_SIGN_OFF, agent, contact, optional, THANKS, type Scenario } from './script.js';

export const orderStatus: Scenario = {
  key: 'order_status',
  business: 'store',
  weight: 18,
  tags: ['Order inquiry'],
  steps: [
    {
      oneOf: [
        [
          contact([
            "Hi, I placed an order a few days ago and haven't heard anything since. Can you check on it?",
            'Hello! Any update on my order? I ordered the {product} last week.',
            "Hey, where is my order? It's been {eta} days already.",
            'Good morning, could you tell me the status of my order please?',
          ]),
          agent([
            'Hi {name}, this is {agent} from {business}. Happy to check — could you share your order number?',
            'Hello {name}! Sure, can you send me the order number? You will find it in your confirmation email.',
            'Hi {name}, thanks for reaching out. What is the order number so I can look it up?',
          ]),
          contact(["It's {order}", 'Order number is {order}', '{order}', 'Sure, {order}. I paid by card.'], {
            media: { type: 'Image', p: 0.45, captions: ["Here's the confirmation screenshot", 'This is the confirmation I got', ''] },
          }),
        ],
        [
          contact([
            'Hi, can you tell me where order {order} is?',
            'Hello, my order {order} still says "processing". Is everything okay?',
            'Hi there! Checking on order {order} – any idea when it will arrive?',
          ]),
        ],
      ],
    },
    agent(
      [
        'Thanks, {name}! Your order {order} left our warehouse yesterday with {carrier}. The tracking number is {tracking}.',
        'I can see {order} was shipped with {carrier}, tracking number {tracking}. It should arrive by {date}.',
        'Good news: {order} is packed and was handed over to {carrier} this morning. You can track it with {tracking}.',
      ],
      { react: 0.15 },
    ),
    agent([], { p: 0.15, media: { type: 'Document', p: 1, file: 'invoice', captions: ['Here is your invoice as well', 'Invoice for your records', ''] } }),
    agent(
      [
        'Expected delivery is {date}. {carrier} will also text you on the day of delivery.',
        'It usually takes {eta} business days from here, so you should have it by {date}.',
        'The courier shows delivery by {date}.',
      ],
      { p: 0.6 },
    ),
    contact(THANKS),
    agent(AGENT_SIGN_OFF, { p: 0.6 }),
    optional(0.3, [
      contact(['Received it today, everything looks good. Thanks!', 'Just got the parcel 📦 Thank you!', 'The package arrived 👍'], { later: 'days' }),
      agent(['Glad to hear it! Enjoy your {product}.', 'Wonderful, thanks for letting us know!'], { p: 0.7 }),
    ]),
  ],
};

export const deliveryProblem: Scenario = {
  key: 'delivery_problem',
  business: 'store',
  weight: 10,
  tags: ['Delivery issue', 'Complaint'],
  steps: [
    contact([
      'Hi, my parcel arrived today but the box is completely crushed and the {product} inside is damaged.',
      'Hello, I just received order {order} and the item is broken. Very disappointed.',
      "My delivery came in a torn package and there's a big crack in the {product}.",
      'Hi, the courier left the package outside in the rain and everything is soaked.',
    ]),
    contact([], {
      media: { type: 'Image', p: 0.85, captions: ['This is how it arrived 😞', 'Photo of the box', 'See the crack here', ''] },
    }),
    agent(
      [
        "I'm really sorry about this, {name}. Could you confirm the order number so I can arrange a replacement?",
        "Oh no, that shouldn't happen. Thanks for letting us know. What's your order number?",
        'So sorry to see that! Can you share the order number and a photo of the shipping label, please?',
      ],
      { p: 1 },
    ),
    contact(["It's {order}", '{order}', 'Order {order}. The label is a bit torn too.'], {
      media: { type: 'Image', p: 0.3, captions: ['Shipping label', ''] },
    }),
    contact([], {
      p: 0.25,
      media: { type: 'Video', p: 1, captions: ['You can hear something rattling inside', 'Unboxing video', ''] },
    }),
    agent(
      [
        "Thanks. I've raised a damage claim with {carrier} and booked a free replacement. It will ship within 48 hours.",
        "All sorted: a replacement {product} is going out today at no cost. You don't need to return the damaged one.",
        "I've arranged a replacement for you. Please keep the damaged item aside; {carrier} will collect it when they deliver the new one.",
      ],
      { react: 0.2 },
    ),
    contact(['Thank you, appreciate the quick help.', "Okay, that's great. Thanks!", 'Alright. Please make sure it is packed better this time 🙏']),
    agent(['Hi {name}, your replacement has shipped. New tracking number: {tracking}.', 'Quick update: the replacement is on its way with {carrier}, tracking {tracking}.'], {
      p: 0.8,
      later: 'hours',
    }),
    contact(['The new one arrived in perfect condition. Thanks!', 'Got the replacement, all good now 👍', 'Received it, thank you for sorting this out.'], {
      p: 0.5,
      later: 'days',
    }),
  ],
};

export const deliveryAttemptFailed: Scenario = {
  key: 'delivery_attempt_failed',
  business: 'store',
  weight: 5,
  tags: ['Delivery issue'],
  steps: [
    contact([
      "The courier says he couldn't find my address, but I was home all day!",
      'Hi, I got a message that delivery of {order} failed. What happened?',
      '{carrier} marked my parcel as "customer not available" but nobody came.',
    ]),
    agent([
      "Sorry about that, {name}! Could you share your exact location? I'll pass it on to {carrier}.",
      "I'm sorry, {name}. Please send me your location pin and any landmark so the courier can find you.",
    ]),
    contact(['{address}, {city}'], { media: { type: 'Location', p: 0.85, place: 'contact' } }),
    contact(["It's the house with the blue gate, next to the pharmacy.", 'Third floor, the bell says {name}.', 'Please ask him to call me when he is outside.'], { p: 0.6 }),
    agent(['Thanks! The courier will try again tomorrow between {slot_a} and {slot_b}.', 'Done, I have sent your location to {carrier}. Redelivery is planned for {day}.'], { react: 0.2 }),
    contact(THANKS, { p: 0.8 }),
  ],
};

export const addressChange: Scenario = {
  key: 'address_change',
  business: 'store',
  weight: 6,
  tags: [],
  steps: [
    contact([
      'Hi, can I change the delivery address for order {order}?',
      "Hello, I've moved recently. Can you send order {order} to my new address?",
      'I entered the wrong address by mistake, can you update it before it ships?',
    ]),
    agent(["Hi {name}, sure, as long as it hasn't shipped yet. What's the new address?", 'Hello {name}! Please send the full new address, or just share your location here.']),
    contact(['{address}, {city}', 'New address: {address}, {city}', 'Please deliver to {address}, {city}.'], {
      media: { type: 'Location', p: 0.7, place: 'contact' },
    }),
    agent(['Updated! Order {order} will now go to the new address.', 'Done, the address has been changed. Delivery is still planned for {date}.'], {
      react: 0.15,
    }),
    contact(THANKS),
  ],
};

export const storePickup: Scenario = {
  key: 'store_pickup',
  business: 'store',
  weight: 4,
  tags: [],
  steps: [
    contact([
      'Hi, can I pick up order {order} from your store instead of delivery?',
      'Hello, where is your store? I would like to see the {product} before buying.',
      'Is your showroom open on {day}?',
    ]),
    agent(['Hi {name}! Of course. We are at {business_address}, open 10 AM – 8 PM every day.', 'Yes, you are welcome to visit! We are open 10 AM to 8 PM, here is the location.']),
    agent([], { media: { type: 'Location', p: 0.85, place: 'business' } }),
    contact(['Great, I will come by on {day} around {time}.', 'Thanks, see you {day}!', 'Perfect 👍']),
    agent(['See you then! Just show your order number at the counter.', 'Looking forward to it.'], { p: 0.5 }),
  ],
};
