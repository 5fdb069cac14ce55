/**
 * Countries the generated customers live in: real cities (with coordinates and, where
 * numbers depend on it, their telephone area codes), currency and local couriers.
 */
import type { CountryCode } from './model.js';

export interface City {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
  /**
   * Telephone area codes of the city where mobile numbers carry one
   * (US NPA, Brazilian DDD, Mexican area code). Empty elsewhere.
   */
  readonly areaCodes: readonly string[];
}

export interface Currency {
  readonly symbol: string;
  /** Typical order value range, in whole units. */
  readonly min: number;
  readonly max: number;
  /** Whether amounts show cents. */
  readonly cents: boolean;
  /** Thousands separator as used locally in English text. */
  readonly separator: ',' | '.';
}

export interface Country {
  readonly code: CountryCode;
  readonly dialCode: string;
  readonly name: string;
  readonly cities: readonly City[];
  readonly currency: Currency;
  readonly couriers: readonly string[];
}

const city = (name: string, latitude: number, longitude: number, areaCodes: readonly string[] = []): City => ({
  name,
  latitude,
  longitude,
  areaCodes,
});

export const COUNTRIES: Readonly<Record<CountryCode, Country>> = {
  IN: {
    code: 'IN',
    dialCode: '91',
    name: 'India',
    cities: [
      city('Mumbai', 19.076, 72.8777),
      city('Delhi', 28.6139, 77.209),
      city('Bengaluru', 12.9716, 77.5946),
      city('Pune', 18.5204, 73.8567),
      city('Hyderabad', 17.385, 78.4867),
      city('Chennai', 13.0827, 80.2707),
      city('Kolkata', 22.5726, 88.3639),
      city('Jaipur', 26.9124, 75.7873),
      city('Ahmedabad', 23.0225, 72.5714),
    ],
    currency: { symbol: '₹', min: 499, max: 24999, cents: false, separator: ',' },
    couriers: ['Delhivery', 'Blue Dart', 'Ekart', 'India Post', 'DTDC'],
  },
  US: {
    code: 'US',
    dialCode: '1',
    name: 'United States',
    cities: [
      city('New York', 40.7128, -74.006, ['212', '646', '917', '718']),
      city('Los Angeles', 34.0522, -118.2437, ['213', '310', '323']),
      city('Chicago', 41.8781, -87.6298, ['312', '773']),
      city('Houston', 29.7604, -95.3698, ['713', '832']),
      city('Austin', 30.2672, -97.7431, ['512', '737']),
      city('Seattle', 47.6062, -122.3321, ['206']),
      city('Miami', 25.7617, -80.1918, ['305', '786']),
      city('Denver', 39.7392, -104.9903, ['303', '720']),
      city('Atlanta', 33.749, -84.388, ['404', '678']),
    ],
    currency: { symbol: '$', min: 15, max: 450, cents: true, separator: ',' },
    couriers: ['UPS', 'FedEx', 'USPS'],
  },
  GB: {
    code: 'GB',
    dialCode: '44',
    name: 'United Kingdom',
    cities: [
      city('London', 51.5074, -0.1278),
      city('Manchester', 53.4808, -2.2426),
      city('Birmingham', 52.4862, -1.8904),
      city('Leeds', 53.8008, -1.5491),
      city('Glasgow', 55.8642, -4.2518),
      city('Bristol', 51.4545, -2.5879),
    ],
    currency: { symbol: '£', min: 12, max: 380, cents: true, separator: ',' },
    couriers: ['Royal Mail', 'DPD', 'Evri', 'DHL'],
  },
  BR: {
    code: 'BR',
    dialCode: '55',
    name: 'Brazil',
    cities: [
      city('São Paulo', -23.5505, -46.6333, ['11']),
      city('Rio de Janeiro', -22.9068, -43.1729, ['21']),
      city('Belo Horizonte', -19.9167, -43.9345, ['31']),
      city('Curitiba', -25.4284, -49.2733, ['41']),
      city('Porto Alegre', -30.0346, -51.2177, ['51']),
      city('Recife', -8.0476, -34.877, ['81']),
      city('Salvador', -12.9777, -38.5016, ['71']),
    ],
    currency: { symbol: 'R$', min: 60, max: 2400, cents: true, separator: '.' },
    couriers: ['Correios', 'Jadlog', 'Loggi'],
  },
  DE: {
    code: 'DE',
    dialCode: '49',
    name: 'Germany',
    cities: [
      city('Berlin', 52.52, 13.405),
      city('Hamburg', 53.5511, 9.9937),
      city('München', 48.1351, 11.582),
      city('Köln', 50.9375, 6.9603),
      city('Frankfurt am Main', 50.1109, 8.6821),
      city('Leipzig', 51.3397, 12.3731),
    ],
    currency: { symbol: '€', min: 12, max: 350, cents: true, separator: '.' },
    couriers: ['DHL', 'Hermes', 'DPD', 'GLS'],
  },
  ID: {
    code: 'ID',
    dialCode: '62',
    name: 'Indonesia',
    cities: [
      city('Jakarta', -6.2088, 106.8456),
      city('Surabaya', -7.2575, 112.7521),
      city('Bandung', -6.9175, 107.6191),
      city('Medan', 3.5952, 98.6722),
      city('Denpasar', -8.6705, 115.2126),
      city('Yogyakarta', -7.7956, 110.3695),
    ],
    currency: { symbol: 'Rp', min: 150000, max: 4500000, cents: false, separator: '.' },
    couriers: ['JNE', 'J&T Express', 'SiCepat'],
  },
  MX: {
    code: 'MX',
    dialCode: '52',
    name: 'Mexico',
    cities: [
      city('Ciudad de México', 19.4326, -99.1332, ['55']),
      city('Guadalajara', 20.6597, -103.3496, ['33']),
      city('Monterrey', 25.6866, -100.3161, ['81']),
      city('Puebla', 19.0414, -98.2063, ['222']),
      city('Mérida', 20.9674, -89.5926, ['999']),
    ],
    currency: { symbol: 'MX$', min: 250, max: 7500, cents: false, separator: ',' },
    couriers: ['Estafeta', 'DHL', 'FedEx'],
  },
  NG: {
    code: 'NG',
    dialCode: '234',
    name: 'Nigeria',
    cities: [
      city('Lagos', 6.5244, 3.3792),
      city('Abuja', 9.0765, 7.3986),
      city('Port Harcourt', 4.8156, 7.0498),
      city('Ibadan', 7.3775, 3.947),
      city('Kano', 12.0022, 8.592),
    ],
    currency: { symbol: '₦', min: 8000, max: 350000, cents: false, separator: ',' },
    couriers: ['GIG Logistics', 'DHL', 'Kwik'],
  },
};

export const COUNTRY_CODES = Object.keys(COUNTRIES) as readonly CountryCode[];

export function countryOf(code: CountryCode): Country {
  return COUNTRIES[code];
}

function groupThousands(whole: number, separator: ',' | '.'): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Formats an amount like `₹2,499`, `$34.99`, `R$ 189,90`, `€59,00`. */
export function formatAmount(currency: Currency, amount: number): string {
  const whole = Math.floor(amount);
  const grouped = groupThousands(whole, currency.separator);
  const decimalMark = currency.separator === ',' ? '.' : ',';
  const cents = currency.cents ? `${decimalMark}${String(Math.round((amount - whole) * 100)).padStart(2, '0')}` : '';
  const space = currency.symbol.length > 1 && currency.symbol !== 'MX$' ? ' ' : '';
  return `${currency.symbol}${space}${grouped}${cents}`;
}
