/** Online store: money back, exchanges and payments that went wrong. */
import { agent, contact, optional, type Scenario } from './script.js';

export const refundRequest: Scenario = {
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
};

export const returnExchange: Scenario = {
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
};

export const paymentIssue: Scenario = {
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
};
