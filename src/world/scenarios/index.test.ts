import { describe, expect, it } from 'vitest';
import * as clinicAppointments from './clinic-appointments.js';
import * as clinicCampaigns from './clinic-campaigns.js';
import * as clinicCare from './clinic-care.js';
import { ALL_SCENARIOS, scenariosFor } from './index.js';
import type { Scenario } from './script.js';
import * as storeCampaigns from './store-campaigns.js';
import * as storeOrders from './store-orders.js';
import * as storeRefunds from './store-refunds.js';
import * as storeSales from './store-sales.js';

const FAMILIES: Record<string, Record<string, Scenario>> = { clinicAppointments, clinicCampaigns, clinicCare, storeCampaigns, storeOrders, storeRefunds, storeSales };

describe('the scenario families', () => {
  it('each script a family module exports is in play exactly once, under its own business', () => {
    const exported = Object.values(FAMILIES).flatMap((family) => Object.values(family));
    expect(new Set(ALL_SCENARIOS)).toEqual(new Set(exported));
    expect(ALL_SCENARIOS).toHaveLength(exported.length);
    for (const kind of ['store', 'clinic'] as const) {
      expect(scenariosFor(kind).every((s) => s.business === kind)).toBe(true);
      const keys = scenariosFor(kind).map((s) => s.key);
      expect(new Set(keys).size, `${kind} script keys are unique`).toBe(keys.length);
    }
    expect(scenariosFor('store').length + scenariosFor('clinic').length).toBe(ALL_SCENARIOS.length);
  });

  it('keep a family to one business', () => {
    for (const [name, family] of Object.entries(FAMILIES)) {
      const business = name.startsWith('store') ? 'store' : 'clinic';
      expect(Object.values(family).every((s) => s.business === business), name).toBe(true);
    }
  });
});
