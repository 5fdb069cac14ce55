/** Online store: customers answering a broadcast (a sale, new arrivals, a cart reminder, a feedback request) or opting out of them. */
import { agent, contact, type Scenario } from './script.js';

export const storeCampaignReply: Scenario = {
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
};

export const feedbackReply: Scenario = {
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
};

export const storeOptOut: Scenario = {
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
};
