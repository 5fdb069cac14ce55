/**
 * WhatsApp message templates (shapes of `MessageTemplateSchema`) for each kind of
 * business, with the parameters a campaign fills them with.
 */
import type {
  BusinessKind,
  TemplateCategory,
  TemplateComponent,
  TemplateComponentParameters,
  TemplateParameterInput,
  TemplateStatus,
} from './model.js';

export interface TemplateDefinition {
  readonly name: string;
  readonly category: TemplateCategory;
  readonly status: TemplateStatus;
  readonly language: string;
  readonly rejectedReason?: string;
  readonly ttlSeconds?: number;
  /** Components; `{website}` is replaced by the organisation's domain. */
  readonly components: readonly TemplateComponent[];
  /** How a campaign fills `{{n}}` of the BODY (index 0 = `{{1}}`). */
  readonly bodyParameters: readonly TemplateParameterInput[];
}

const firstName: TemplateParameterInput = {
  nameOrIndex: '1',
  label: 'Customer first name',
  parameterType: 'dynamic',
  dynamicField: 'firstName',
  example: 'Priya',
};

const staticParam = (index: number, label: string, value: string): TemplateParameterInput => ({
  nameOrIndex: String(index),
  label,
  parameterType: 'static',
  staticValue: value,
  example: value,
});

const OPT_OUT_FOOTER: TemplateComponent = { type: 'FOOTER', text: 'Reply STOP to unsubscribe' };

const STORE_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'order_shipped',
    category: 'UTILITY',
    status: 'APPROVED',
    language: 'en_US',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Your order is on its way' },
      {
        type: 'BODY',
        text: 'Hi {{1}}, good news! Your order {{2}} has shipped with {{3}} and should arrive by {{4}}.',
        example: { body_text: [['Priya', '#48213', 'Blue Dart', 'Thursday, 27 November']] },
      },
      { type: 'FOOTER', text: 'Questions? Just reply to this message.' },
      {
        type: 'BUTTONS',
        buttons: [{ type: 'URL', text: 'Track order', url: 'https://{website}/track/{{1}}', example: ['https://{website}/track/48213'] }],
      },
    ],
    bodyParameters: [firstName],
  },
  {
    name: 'seasonal_sale',
    category: 'MARKETING',
    status: 'APPROVED',
    language: 'en_US',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://scontent.whatsapp.net/v/t61.29466-34/sale-banner.png'] } },
      {
        type: 'BODY',
        text: 'Hi {{1}}! Our {{2}} is live: up to {{3}} off across the store. Use code {{4}} at checkout. Offer ends soon!',
        example: { body_text: [['Priya', 'Weekend Flash Sale', '40%', 'FLASH40']] },
      },
      OPT_OUT_FOOTER,
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Shop now', url: 'https://{website}/sale' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
    bodyParameters: [firstName, staticParam(2, 'Sale name', 'Weekend Flash Sale'), staticParam(3, 'Discount', '40%'), staticParam(4, 'Coupon code', 'FLASH40')],
  },
  {
    name: 'cart_reminder',
    category: 'MARKETING',
    status: 'APPROVED',
    language: 'en_US',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, you left something in your cart! Complete your order in the next 24 hours and get {{2}} off with code {{3}}.',
        example: { body_text: [['Priya', '10%', 'COMEBACK10']] },
      },
      OPT_OUT_FOOTER,
      { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'View cart', url: 'https://{website}/cart' }] },
    ],
    bodyParameters: [firstName, staticParam(2, 'Discount', '10%'), staticParam(3, 'Coupon code', 'COMEBACK10')],
  },
  {
    name: 'new_arrivals',
    category: 'MARKETING',
    status: 'APPROVED',
    language: 'en_US',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Fresh in store ✨' },
      {
        type: 'BODY',
        text: 'Hi {{1}}, our {{2}} just landed. Be the first to shop it — members get free shipping this week.',
        example: { body_text: [['Priya', 'winter collection']] },
      },
      OPT_OUT_FOOTER,
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'See what’s new', url: 'https://{website}/new' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
    bodyParameters: [firstName, staticParam(2, 'Collection', 'winter collection')],
  },
  {
    name: 'feedback_request',
    category: 'MARKETING',
    status: 'APPROVED',
    language: 'en_US',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, thanks for shopping with us! How would you rate your last order? Your feedback helps us improve.',
        example: { body_text: [['Priya']] },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Loved it' },
          { type: 'QUICK_REPLY', text: 'It was okay' },
          { type: 'QUICK_REPLY', text: 'Not happy' },
        ],
      },
    ],
    bodyParameters: [firstName],
  },
  {
    name: 'login_code',
    category: 'AUTHENTICATION',
    status: 'APPROVED',
    language: 'en_US',
    ttlSeconds: 600,
    components: [
      { type: 'BODY', text: '*{{1}}* is your verification code.', add_security_recommendation: true, example: { body_text: [['482913']] } },
      { type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', text: 'Copy code', example: ['482913'] }] },
    ],
    bodyParameters: [staticParam(1, 'Code', '482913')],
  },
  {
    name: 'black_friday_teaser',
    category: 'MARKETING',
    status: 'REJECTED',
    language: 'en_US',
    rejectedReason: 'INCORRECT_CATEGORY',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, your account has a pending reward! Open the app before midnight to claim it.',
        example: { body_text: [['Priya']] },
      },
    ],
    bodyParameters: [firstName],
  },
  {
    name: 'price_drop_alert',
    category: 'MARKETING',
    status: 'PENDING',
    language: 'en_US',
    components: [
      {
        type: 'BODY',
        text: 'Hi {{1}}, the price of {{2}} just dropped to {{3}}. Want us to hold one for you?',
        example: { body_text: [['Priya', 'Noise-Cancelling Headphones', '$129']] },
      },
      OPT_OUT_FOOTER,
    ],
    bodyParameters: [firstName, staticParam(2, 'Product', 'Noise-Cancelling Headphones'), staticParam(3, 'Price', '$129')],
  },
];

const CLINIC_TEMPLATES: readonly TemplateDefinition[] = [
  {
    name: 'appointment_reminder',
    category: 'UTILITY',
    status: 'APPROVED',
    language: 'en',
    components: [
      {
        type: 'BODY',
        text: 'Hello {{1}}, this is a reminder of your appointment on {{2}} at {{3}}. Reply 1 to confirm or 2 to reschedule.',
        example: { body_text: [['Anita', 'Thursday, 27 November', '10:30 AM']] },
      },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Confirm' }, { type: 'QUICK_REPLY', text: 'Reschedule' }] },
    ],
    bodyParameters: [firstName, staticParam(2, 'Date', 'Thursday, 27 November'), staticParam(3, 'Time', '10:30 AM')],
  },
  {
    name: 'health_checkup_campaign',
    category: 'MARKETING',
    status: 'APPROVED',
    language: 'en',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Time for your check-up' },
      {
        type: 'BODY',
        text: 'Hi {{1}}, our {{2}} is on this month. Book a slot and get {{3}} off the full-body check-up package.',
        example: { body_text: [['Anita', 'Annual Check-up Drive', '20%']] },
      },
      OPT_OUT_FOOTER,
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Book a slot' }, { type: 'QUICK_REPLY', text: 'Stop promotions' }] },
    ],
    bodyParameters: [firstName, staticParam(2, 'Campaign', 'Annual Check-up Drive'), staticParam(3, 'Discount', '20%')],
  },
  {
    name: 'report_ready',
    category: 'UTILITY',
    status: 'APPROVED',
    language: 'en',
    components: [
      { type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['https://scontent.whatsapp.net/v/t61.29466-34/report.pdf'] } },
      {
        type: 'BODY',
        text: 'Hello {{1}}, your lab report is ready. The doctor will go through it with you at your next visit.',
        example: { body_text: [['Anita']] },
      },
    ],
    bodyParameters: [firstName],
  },
];

export function templateDefinitions(kind: BusinessKind): readonly TemplateDefinition[] {
  return kind === 'store' ? STORE_TEMPLATES : CLINIC_TEMPLATES;
}

/** Replaces `{website}` in every URL/example of the components. */
export function withWebsite(components: readonly TemplateComponent[], website: string): TemplateComponent[] {
  const json = JSON.stringify(components).split('{website}').join(website);
  return JSON.parse(json) as TemplateComponent[];
}

/** What a campaign using the template sends as `templateComponentParameters`. */
export function campaignParameters(definition: TemplateDefinition, overrides: Readonly<Record<string, string>> = {}): TemplateComponentParameters {
  return {
    header: [],
    body: definition.bodyParameters.map((p) => {
      const value = overrides[p.nameOrIndex];
      return value !== undefined && p.parameterType === 'static' ? { ...p, staticValue: value, example: value } : p;
    }),
    buttons: [],
  };
}
