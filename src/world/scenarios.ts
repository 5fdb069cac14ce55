/**
 * Conversation scripts: what customers of a shop or a clinic really write about on
 * WhatsApp, turn by turn, with several phrasings per turn.
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
import type { BusinessKind } from './model.js';

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

const contact = (say: readonly string[], extra: Omit<Step, 'by' | 'say'> = {}): Step => ({ by: 'contact', say, ...extra });
const agent = (say: readonly string[], extra: Omit<Step, 'by' | 'say'> = {}): Step => ({ by: 'agent', say, ...extra });
/** The steps happen together (with probability `p`) or not at all. */
const optional = (p: number, steps: readonly Node[]): OneOf => ({ oneOf: [steps, []], weights: [p, 1 - p] });

const THANKS = [
  'Thank you!',
  'Thanks a lot 🙏',
  'Great, thanks for the quick reply.',
  'Perfect, thank you.',
  'Okay, thank you so much!',
  'Appreciate it, thanks.',
  'thanks!!',
];

const AGENT_SIGN_OFF = [
  "You're welcome, {name}! Let us know if there's anything else.",
  'Happy to help 😊 Have a great day!',
  'Anytime! Take care.',
  'My pleasure. Have a lovely evening!',
];

// ---------------------------------------------------------------------------
// Online store

const STORE: readonly Scenario[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
    key: 'refund_request',
    business: 'store',
    weight: 10,
    tags: ['Refund'],
    steps: [
      contact([
        "Hi, I'd like to return the {product} and get a refund. It's not what I expected.",
        'Hello, I want to cancel order {order} and get my money back please.',
        'Can I get a refund for {order}? The {product} is smaller than it looked on the website.',
        "Hi, I sent the {product} back last week but still haven't got my refund.",
      ]),
      contact([], { p: 0.3, media: { type: 'Image', p: 1, captions: ['This is the one', 'Photo of the item', ''] } }),
      agent([
        "Hi {name}, I'm {agent}. Sorry it didn't work out! Could you send me the order number or the invoice?",
        'Sure, I can help with that. Please share your invoice or order number.',
        'Hello {name}, no problem at all. Which order is this about?',
      ]),
      contact(["It's order {order}", 'Order number {order}, I paid {amount}', '{order}'], {
        media: { type: 'Document', p: 0.55, file: 'invoice', captions: ["Here's the invoice", 'Invoice attached', ''] },
      }),
      agent(
        [
          "Thanks! I've started the refund of {amount} for {order}. It takes {refund_days} to show up on your statement.",
          "Done — refund of {amount} approved. You'll see it within {refund_days}. Reference: {ref}.",
          "I've processed a full refund of {amount} to your original payment method. Reference number {ref}.",
        ],
        { react: 0.3 },
      ),
      {
        oneOf: [
          [contact(['Great, thank you.', 'Thanks for sorting that out so quickly!', 'Perfect, thanks.'])],
          [
            contact(['Okay. Will I get an email confirmation?', 'Thanks. Will I get something by email?']),
            agent(['Yes, you will receive a confirmation email shortly.', "You'll get an email from us with the reference number too."]),
          ],
        ],
      },
      optional(0.3, [
        contact(["Hi again, it's been a week and I still don't see the refund.", 'Hello, still waiting for the refund of {amount}...'], { later: 'days' }),
        agent([
          'Sorry for the wait, {name}. The refund was sent on {date} with reference {ref}. Banks can take a few extra days, please check again tomorrow.',
          "I checked and refund {ref} left us on {date}. If it's not there by Friday, send me a screenshot of your statement and I'll escalate it.",
        ]),
        contact(['Just saw it in my account. Thanks!', 'Got it now, thanks.'], { p: 0.6, later: 'hours' }),
      ]),
    ],
  },
  {
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
  },
  {
    key: 'campaign_reply',
    business: 'store',
    weight: 9,
    campaign: true,
    campaignTemplates: ['seasonal_sale', 'new_arrivals', 'cart_reminder'],
    tags: [],
    steps: [
      {
        oneOf: [
          [
            contact(['Hi, I got your message about the {campaign}. Does the discount apply to the {product}?', 'Does the {campaign} include the {product}?']),
            agent(['Hi {name}! Yes, the offer is valid until {date} and works on the {product} too.', 'Hello {name}, yes it does! The {product} is {amount} with the discount.']),
          ],
          [
            contact(['Hello! Is the {campaign} still valid?', 'Hi, is this offer still on?', 'Shop now'], {
              media: { type: 'Image', p: 0.3, captions: ['Is this still valid?', 'Got this yesterday — still on?'] },
            }),
            agent(['Hi {name}! Yes, it runs until {date}. Use code {code} at checkout for {discount} off.', 'Hello {name}, yes — code {code} gives you {discount} off everything until {date}.']),
          ],
          [
            contact(['Saw your message 👀 Can I use the code on items already in my cart?', 'Can I combine the code with my loyalty points?']),
            agent(['Yes! Code {code} works on everything in your cart, {discount} off.', 'You can, {name}. The discount is applied first, then the points.']),
          ],
          [
            contact(['Hi, interested in the {campaign}. Do you ship to {city}?', 'Do you deliver to {city}? The offer looks great.']),
            agent(['Yes, we ship to {city}: delivery takes {eta} business days and it is free over {amount}.', 'We do! {city} usually gets deliveries in {eta} business days.']),
          ],
        ],
      },
      contact(['Awesome, placing my order now.', 'Great, thanks!', 'Nice, just ordered 🙌', "Cool, I'll take a look."]),
      agent(['Thank you, {name}! Your order {order} is confirmed.', 'Enjoy the sale! 🎉', 'Happy shopping!'], { p: 0.5, react: 0.2 }),
    ],
  },
  {
    key: 'feedback_reply',
    business: 'store',
    weight: 4,
    campaign: true,
    campaignTemplates: ['feedback_request'],
    tags: ['Feedback'],
    steps: [
      {
        oneOf: [
          [
            contact(['Loved it', 'Loved it! The {product} is perfect.', '5 stars ⭐⭐⭐⭐⭐']),
            agent(['Thank you so much, {name}! That means a lot to the team 😊', 'Yay, glad you love it! If you have a minute, a review helps us a lot: https://{website}/reviews'], { react: 0.3 }),
          ],
          [
            contact(['It was okay', 'It was okay. Delivery took longer than expected.']),
            agent(['Thanks for the honest feedback, {name}. What could we have done better?', 'Sorry it took a while! We are adding more couriers in {city} to speed things up.']),
            contact(['Maybe just keep me updated when there are delays.', 'Faster delivery would be nice, the product itself is fine.'], { p: 0.6 }),
          ],
          [
            contact(['Not happy', 'Not happy. The {product} stopped working after a week.']),
            agent(["I'm really sorry to hear that, {name}. Could you tell me what went wrong? I'd like to make it right.", 'Sorry about that! Please send me your order number and a photo, and we will replace it.']),
            contact(['It is order {order}.', "It doesn't charge anymore."], { media: { type: 'Image', p: 0.4, captions: ['This is what happens', ''] } }),
            agent(['Thanks. A replacement is on its way, no need to send the old one back.', "I've arranged a free replacement, tracking {tracking} with {carrier}."], { react: 0.3 }),
          ],
        ],
      },
    ],
  },
  {
    key: 'opt_out',
    business: 'store',
    weight: 3,
    campaign: true,
    campaignTemplates: ['seasonal_sale', 'new_arrivals', 'cart_reminder', 'feedback_request'],
    closes: true,
    optOut: true,
    tags: [],
    steps: [
      contact(['STOP', 'Stop', 'Stop promotions', 'Please stop sending me promotional messages.', 'Unsubscribe', 'How do I stop these messages?']),
      agent(
        [
          "Done, {name}. You've been unsubscribed from promotional messages. You'll still get updates about your orders.",
          "Sorry for the bother! You won't receive marketing messages from us anymore.",
          "You've been removed from our broadcast list. Reply START anytime to opt back in.",
        ],
        { react: 0.2 },
      ),
      contact(['Thanks.', 'Ok', '👍'], { p: 0.4 }),
    ],
  },
  {
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
  },
  {
    key: 'payment_issue',
    business: 'store',
    weight: 5,
    tags: ['Complaint'],
    steps: [
      {
        oneOf: [
          [
            contact(['Hi, I was charged twice for order {order}.', 'Hello, I see two payments of {amount} for the same order.']),
            contact([], { p: 0.6, media: { type: 'Image', p: 1, captions: ['Screenshot from my bank app', 'See, two payments', ''] } }),
            agent(['Sorry about that, {name}. Let me check with our payments team.', "Thanks for the details. I'm checking this now, give me a few minutes."]),
            agent(['I can see the duplicate charge. The extra {amount} has been reversed and will be back in your account within {refund_days}.', 'Confirmed: you were charged twice. The second payment is refunded, reference {ref}.']),
          ],
          [
            contact(['Hello, the payment went through on my side but the website says it failed.', 'My card was debited {amount} but I never got an order confirmation.']),
            contact([], { p: 0.5, media: { type: 'Image', p: 1, captions: ['Screenshot of the payment', 'This is what I see', ''] } }),
            agent(['Sorry about that, {name}. Let me check with our payments team.', "I'm checking this now, give me a few minutes."]),
            agent(['The payment did reach us: order {order} is confirmed and you will get the email shortly.', 'The bank declined the first attempt and will release the {amount} within {refund_days}. Could you try once more?']),
          ],
        ],
      },
      agent([], { p: 0.25, media: { type: 'Document', p: 1, file: 'invoice', captions: ['Your invoice', ''] } }),
      contact(['Ok, thanks for checking.', 'Great, thanks!', 'Alright, I will keep an eye on my account.']),
    ],
  },
  {
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
  },
  {
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
  },
  {
    key: 'return_exchange',
    business: 'store',
    weight: 6,
    tags: [],
    steps: [
      contact([
        'Hi, the {product} I received is the wrong size. Can I exchange it?',
        'Hello, I got the wrong colour. I ordered {color}.',
        'The {product} stopped working after two days.',
      ]),
      contact([], { p: 0.3, media: { type: 'Image', p: 1, captions: ['The label says the wrong size', 'This is what I received', ''] } }),
      contact([], { p: 0.25, media: { type: 'Video', p: 1, captions: ["Here's what happens when I switch it on", 'See the video', ''] } }),
      agent([
        "Sorry about that, {name}! We'll exchange it for free. A courier will pick it up on {date}.",
        "I'm sorry! Please keep it in the original packaging; {carrier} will collect it on {date} and we'll send the right one.",
      ]),
      agent([], { p: 0.35, media: { type: 'Document', p: 1, file: 'return-label', captions: ['Your return label', 'Please print this and stick it on the box', ''] } }),
      contact(['Okay, thanks.', "Great, I'll have it ready.", 'Thank you!']),
      optional(0.45, [
        agent(['Hi {name}, we received the returned item. Your exchange shipped today, tracking {tracking}.'], { later: 'days' }),
        contact(['Thank you!', 'Perfect 🙏'], { p: 0.5 }),
      ]),
    ],
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

// ---------------------------------------------------------------------------
// Clinic

const CLINIC: readonly Scenario[] = [
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
];

export function scenariosFor(kind: BusinessKind): readonly Scenario[] {
  return kind === 'store' ? STORE : CLINIC;
}

/** Every script, for tests. */
export const ALL_SCENARIOS: readonly Scenario[] = [...STORE, ...CLINIC];
