import { describe, expect, it } from 'vitest';
import { startMock, type TestMock } from '../support/mock-client.js';

async function withMock<T>(options: Parameters<typeof startMock>[0], run: (m: TestMock) => Promise<T>): Promise<T> {
  const m = await startMock(options);
  try {
    return await run(m);
  } finally {
    await m.close();
  }
}

async function timed(m: TestMock, path: string): Promise<number> {
  const started = performance.now();
  await m.call('GET', path);
  return performance.now() - started;
}

describe('--latency', () => {
  it('delays every response by a fixed time', async () => {
    const times = await withMock({ latency: { min: 200, max: 200 } }, async (m) => [await timed(m, '/health-check'), await timed(m, '/health-check')]);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(195);
  });

  it('adds Prefer: delay on top of it', async () => {
    const t = await withMock({ latency: { min: 100, max: 100 } }, async (m) => {
      const started = performance.now();
      await m.call('GET', '/health-check', { headers: { prefer: 'delay=150' } });
      return performance.now() - started;
    });
    expect(t).toBeGreaterThanOrEqual(245);
  });

  it('draws a range from the seeded generator: within bounds, and not one fixed value', async () => {
    const times = await withMock({ latency: { min: 20, max: 220 } }, async (m) => {
      const out: number[] = [];
      for (let i = 0; i < 8; i++) out.push(await timed(m, '/health-check'));
      return out;
    });
    for (const t of times) expect(t).toBeGreaterThanOrEqual(19);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(20);
  });
});

describe('--fail-rate', () => {
  const paths = ['/conversations?page=1&per_page=5', '/user', '/organization/tags?page=1&per_page=5', '/health-check'];

  async function statuses(seed: number, failRate: number): Promise<number[]> {
    return withMock({ seed, failRate }, async (m) => {
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await m.call('GET', paths[i % paths.length]!)).status);
      return out;
    });
  }

  it('fails about that fraction of requests, with documented 5xx/429 responses (checked against the spec)', async () => {
    const got = await statuses(7, 0.5);
    const failed = got.filter((s) => s >= 429);
    expect(failed.length).toBeGreaterThan(3);
    expect(failed.length).toBeLessThan(21);
    for (const s of failed) expect([429, 500]).toContain(s);
  });

  it('is repeatable: the same seed fails the same requests', async () => {
    expect(await statuses(7, 0.5)).toEqual(await statuses(7, 0.5));
  });

  it('fails every request at 1, and none at 0', async () => {
    expect((await statuses(3, 1)).every((s) => s === 429 || s === 500)).toBe(true);
    expect((await statuses(3, 0)).every((s) => s === 200)).toBe(true);
  });

  it('changes nothing when a write fails', async () => {
    await withMock({ failRate: 1 }, async (m) => {
      const before = await fetch(`${m.url}/__mock/state`).then((r) => r.text());
      const r = await m.call('POST', '/organization/tags', { body: { label: 'never-saved' } });
      expect([429, 500]).toContain(r.status);
      expect(await fetch(`${m.url}/__mock/state`).then((r) => r.text())).toBe(before);
    });
  });
});
