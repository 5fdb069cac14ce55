/** The online store's policies and FAQs: returns, shipping, opening hours, warranty, tracking, payment, wholesale. */
import { COUNTRIES, formatAmount } from '../countries.js';
import type { OrganizationRecord } from '../model.js';
import { nice, type KnowledgeDraft } from './draft.js';

export function storeDocuments(org: OrganizationRecord): KnowledgeDraft[] {
  const country = COUNTRIES[org.country];
  const money = (n: number) => formatAmount(country.currency, n);
  const freeFrom = money(nice(country.currency.min * 3.5));
  const fee = money(nice(country.currency.min * 0.4));
  const codLimit = money(nice(country.currency.max * 0.4));
  const couriers = country.couriers.slice(0, 3).join(', ');
  const site = org.websiteUrl.replace(/^https?:\/\//, '');
  return [
    {
      title: 'Returns and refunds policy',
      tagLabels: ['Refund', 'Complaint'],
      status: 'Active',
      ageDays: 180,
      content: [
        'Unused items in their original packaging can be returned within 30 days of delivery.',
        'To start a return, the customer sends the order number on WhatsApp; we reply with a prepaid return label and the drop-off points near them.',
        'Refunds go back to the original payment method within 5–7 business days after the returned item reaches our warehouse.',
        'Items that arrived damaged are refunded or replaced without a return when the customer sends a photo of the damage within 48 hours.',
        'Sale items marked "final sale", gift cards and personalised products cannot be returned.',
      ].join(' '),
    },
    {
      title: 'Shipping times and costs',
      tagLabels: ['Delivery issue', 'Order inquiry'],
      status: 'Active',
      ageDays: 175,
      content: [
        `Orders placed before 2 PM (${org.city} time) ship the same working day.`,
        `Standard delivery within ${country.name} takes 3–5 working days and express delivery 1–2 working days.`,
        `Standard shipping is free on orders over ${freeFrom}; below that it costs ${fee}.`,
        `We ship with ${couriers}; the tracking number is sent on WhatsApp as soon as the parcel leaves the warehouse.`,
        'International orders arrive in 7–14 working days; import duties are paid by the customer.',
      ].join(' '),
    },
    {
      title: 'Opening hours and customer care',
      tagLabels: [],
      status: 'Active',
      ageDays: 170,
      content: [
        `Customer care answers on WhatsApp Monday to Saturday, 9 AM – 7 PM (${org.city} time).`,
        'Messages sent outside these hours are answered the next working morning, oldest first.',
        `The showroom at ${org.address}, ${org.city} is open Monday to Saturday, 10 AM – 8 PM, and closed on Sundays and public holidays.`,
        `Orders can be placed around the clock on ${site}.`,
      ].join(' '),
    },
    {
      title: 'Warranty',
      tagLabels: ['Complaint'],
      status: 'Active',
      ageDays: 160,
      content: [
        'Electronics carry a 2-year warranty (1 year on batteries); furniture and homeware carry a 1-year warranty against manufacturing defects.',
        'For a warranty claim the customer sends the order number and a photo or short video of the problem.',
        'We repair or replace the item within 10 working days and cover shipping both ways.',
        'The warranty does not cover accidental damage, misuse or normal wear and tear.',
      ].join(' '),
    },
    {
      title: 'Order tracking and lost parcels',
      tagLabels: ['Delivery issue', 'Order inquiry'],
      status: 'Active',
      ageDays: 120,
      content: [
        'Customers can track their order with the link in the shipping message or by sending us their order number.',
        'If tracking shows "delivered" but nothing arrived, ask the customer to wait 24 hours and check with neighbours and the building reception.',
        `After that we open a claim with the courier (${couriers}) and either resend the order or refund it within 5 working days.`,
        'Address changes are possible until the parcel is handed to the courier.',
      ].join(' '),
    },
    {
      title: 'Payment methods',
      tagLabels: [],
      status: 'Active',
      ageDays: 110,
      content: [
        'We accept Visa, Mastercard and American Express cards, PayPal and bank transfer.',
        `Cash on delivery is available within ${country.name} for orders up to ${codLimit}.`,
        'When a payment fails but money was taken, the bank releases the held amount within 5–7 business days; the customer does not need to do anything.',
        'Invoices are sent by email and can be resent on WhatsApp on request.',
      ].join(' '),
    },
    {
      title: 'Wholesale and bulk orders',
      tagLabels: ['Wholesale'],
      status: 'Active',
      ageDays: 90,
      content: [
        'Businesses ordering 25 units or more of a product get tiered discounts: 10% from 25 units, 15% from 100 units and 20% from 200 units.',
        'Ask for the product names, quantities and the delivery city; we send a proforma invoice within one working day.',
        'Bulk orders ship in 5–7 working days after payment; payment terms of 30 days are available for returning business customers.',
      ].join(' '),
    },
    {
      title: 'Holiday season delivery schedule',
      tagLabels: ['Delivery issue'],
      status: 'Archived',
      ageDays: 330,
      content: [
        'Last order dates for delivery before the holidays: standard shipping until 18 December, express until 21 December.',
        'The warehouse is closed from 25 December to 1 January; orders placed then ship on 2 January.',
      ].join(' '),
    },
  ];
}
