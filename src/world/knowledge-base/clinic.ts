/** The clinic's policies and FAQs: appointments, opening hours, lab reports, fees, refills, directions. */
import { COUNTRIES, formatAmount } from '../countries.js';
import type { OrganizationRecord } from '../model.js';
import { nice, type KnowledgeDraft } from './draft.js';

export function clinicDocuments(org: OrganizationRecord): KnowledgeDraft[] {
  const country = COUNTRIES[org.country];
  const money = (n: number) => formatAmount(country.currency, n);
  const consultation = money(nice(country.currency.min * 2));
  const followUp = money(nice(country.currency.min));
  return [
    {
      title: 'Appointments and cancellations',
      tagLabels: ['New patient', 'Follow-up'],
      status: 'Active',
      ageDays: 150,
      content: [
        'Patients book, move or cancel appointments on WhatsApp by sending their name, date of birth and preferred day and time.',
        'Appointments can be cancelled free of charge up to 24 hours before; later cancellations or no-shows are charged half the consultation fee.',
        'Please arrive 10 minutes early for a first visit and bring an ID and any previous reports.',
      ].join(' '),
    },
    {
      title: 'Opening hours',
      tagLabels: [],
      status: 'Active',
      ageDays: 150,
      content: [
        `The clinic at ${org.address}, ${org.city} is open Monday to Friday, 8 AM – 8 PM, and Saturday, 9 AM – 1 PM.`,
        'The WhatsApp line is answered during opening hours; for emergencies call the local emergency number.',
      ].join(' '),
    },
    {
      title: 'Lab reports',
      tagLabels: ['Follow-up'],
      status: 'Active',
      ageDays: 140,
      content: [
        'Blood test results are ready within 24–48 hours; other lab tests can take up to 5 working days.',
        'Reports are sent as a PDF on WhatsApp once the doctor has reviewed them; patients never receive unreviewed results.',
        'For abnormal results the clinic calls the patient to book a follow-up visit.',
      ].join(' '),
    },
    {
      title: 'Consultation fees and insurance',
      tagLabels: ['Insurance'],
      status: 'Active',
      ageDays: 130,
      content: [
        `A consultation costs ${consultation}; a follow-up within 14 days costs ${followUp}.`,
        'We bill most major insurers directly; patients send a photo of their insurance card before the visit so that we can check the cover.',
        'Card, cash and bank transfer are accepted at the front desk.',
      ].join(' '),
    },
    {
      title: 'Prescription refills',
      tagLabels: ['Follow-up'],
      status: 'Active',
      ageDays: 100,
      content: [
        'Repeat prescriptions for long-term medication can be requested on WhatsApp with the medicine name and dose.',
        'The doctor reviews the request within one working day; controlled medicines always need a visit.',
      ].join(' '),
    },
    {
      title: 'Directions and parking',
      tagLabels: [],
      status: 'Active',
      ageDays: 95,
      content: [
        `The clinic is at ${org.address}, ${org.city}; send "location" on WhatsApp to receive a map pin.`,
        'Free parking is available behind the building; the entrance is step-free.',
      ].join(' '),
    },
  ];
}
