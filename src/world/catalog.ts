/**
 * Names of things the businesses sell or say: products, coupons, tracking numbers.
 */
import type { Faker } from '@faker-js/faker';

/** What the online store sells (homeware and small electronics). */
export const PRODUCTS: readonly string[] = [
  'Nordic Oak Side Table',
  'Linen Duvet Cover Set',
  'Ceramic Pour-Over Coffee Set',
  'Noise-Cancelling Headphones',
  'Smart LED Desk Lamp',
  'Cast Iron Skillet 26 cm',
  'Wireless Charging Pad',
  'Bamboo Bath Towel Set',
  'Stainless Steel Water Bottle',
  'Portable Bluetooth Speaker',
  'Memory Foam Pillow',
  'Handwoven Cotton Rug',
  'Electric Kettle 1.7 L',
  'Glass Meal Prep Containers',
  'Ergonomic Office Chair',
  'Aroma Diffuser',
  'Non-Stick Cookware Set',
  'Velvet Cushion Cover',
  'Air Fryer 4.5 L',
  'Fitness Tracker Watch',
  'Rattan Laundry Basket',
  'Espresso Cup Set',
  'Standing Desk Converter',
  'Weighted Throw Blanket',
  'Ceramic Table Lamp',
  'Robot Vacuum Cleaner',
  'Waterproof Backpack',
  'Yoga Mat with Strap',
  'Wireless Earbuds',
  'Cold Brew Coffee Maker',
  'Wall Mirror 60 cm',
  'Kids Night Light',
  'Hand Blender',
  'Cotton Bedsheet Set',
  'Herb Garden Starter Kit',
  'Mechanical Keyboard',
];

/** Products a technician installs or sets up at home. */
export const APPLIANCES: readonly string[] = [
  'Robot Vacuum Cleaner',
  'Standing Desk Converter',
  'Smart LED Desk Lamp',
  'Wall Mirror 60 cm',
  'Air Purifier',
  'Smart Video Doorbell',
  'Ceiling Fan with Remote',
  'Water Purifier',
];

export const COUPONS: readonly (readonly [code: string, discount: string])[] = [
  ['WELCOME10', '10%'],
  ['SAVE15', '15%'],
  ['FLASH20', '20%'],
  ['VIP25', '25%'],
  ['EXTRA5', '5%'],
  ['WEEKEND30', '30%'],
];

export const TIME_SLOTS: readonly string[] = ['9:30 AM', '10:00 AM', '10:45 AM', '11:30 AM', '12:15 PM', '2:00 PM', '3:30 PM', '4:15 PM', '5:00 PM', '6:30 PM'];

export const REFUND_DELAYS: readonly string[] = ['5–7 business days', '3–5 business days', '7–10 business days'];

export const BULK_QUANTITIES: readonly number[] = [25, 40, 50, 80, 100, 150, 200];

/** Reaction emoji with their relative frequency. */
export const REACTIONS: readonly (readonly [emoji: string, weight: number])[] = [
  ['👍', 38],
  ['🙏', 22],
  ['❤️', 20],
  ['😂', 8],
  ['👌', 8],
  ['😮', 4],
];

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function digitString(f: Faker, length: number): string {
  let out = '';
  while (out.length < length) out += String(f.number.int(9));
  return out;
}

/** A tracking number in the courier's own format. */
export function trackingNumber(f: Faker, carrier: string): string {
  switch (carrier) {
    case 'UPS':
      return `1Z${f.string.alphanumeric({ length: 6, casing: 'upper' })}${digitString(f, 10)}`;
    case 'FedEx':
      return digitString(f, 12);
    case 'USPS':
      return `9400${digitString(f, 18)}`;
    case 'Royal Mail':
    case 'India Post':
    case 'Correios':
      return `${f.string.alpha({ length: 2, casing: 'upper' })}${digitString(f, 9)}${carrier === 'Royal Mail' ? 'GB' : carrier === 'India Post' ? 'IN' : 'BR'}`;
    case 'DHL':
      return digitString(f, 10);
    case 'Delhivery':
      return digitString(f, 13);
    case 'Blue Dart':
      return digitString(f, 11);
    case 'JNE':
    case 'J&T Express':
    case 'SiCepat':
      return `JP${digitString(f, 10)}`;
    default:
      return `${f.string.alpha({ length: 3, casing: 'upper' })}${digitString(f, 9)}`;
  }
}
