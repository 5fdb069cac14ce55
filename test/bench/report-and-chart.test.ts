/**
 * The bench's pure parts: the ratio maths against issue #13's targets, and the SVG chart. The bench itself
 * never runs in `npm test`; these check only how its figures are turned into text, on made-up results.
 */
import { describe, expect, it } from 'vitest';
import { decades, renderChart } from '../../bench/chart.js';
import type { LoadResult } from '../../bench/load.js';
import { formatRatioCell, ratioCell, ratioTable, renderResults, targets, type Results, type ScaleRow } from '../../bench/report.js';
import { median } from '../../bench/stats.js';

const load = (rps: number, p99 = 5): LoadResult => ({ requests: rps * 2, seconds: 2, rps, p50: 1, p99, max: p99 * 2, statuses: { 200: rps * 2 }, errors: 0, timeouts: 0 });
const row = (size: number, listP99: number, messagesP99: number, analyticsMs: number[]): ScaleRow => ({
  size, conversations: size, worldMs: size / 100, worldRssMb: 80, coldStartMs: 400, list: load(3000, listP99), messages: load(4000, messagesP99), analyticsMs, rssAfterLoadMb: 120,
});

function results(): Results {
  return {
    env: { date: '2026-12-02 16:00 UTC', node: 'v20.20.2', cpu: 'test CPU', cores: 2, loadAverage: '1, 1, 1', seconds: 2, connections: 10 },
    endpoints: { list: 'GET /api/list', detail: 'GET /api/detail', send: 'POST /api/send' },
    servers: {
      mock: { name: 'wapikit-mock', coldStartMs: 500, rssAfterLoadMb: 140, loads: { list: load(6000), detail: load(3000), send: load(2000) } },
      express: { name: 'Express 5 replay', coldStartMs: 300, rssAfterLoadMb: 90, loads: { list: load(10000), detail: load(6000), send: load(5000) } },
      bare: { name: 'bare node:http', coldStartMs: 200, rssAfterLoadMb: 60, loads: { list: load(30000), detail: load(30000), send: load(30000) } },
      prismStatic: { name: 'Prism static', coldStartMs: 4000, rssAfterLoadMb: 300, loads: { list: load(1000) } },
    },
    start: { runs: 3, tarballKb: 1000, cliMs: [500, 300, 380], inProcess: [200, 260, 240].map((t) => ({ importMs: 100, createMs: t - 50, listenMs: 2, firstRequestMs: 48, createToFirst200Ms: t, totalMs: t + 100 })) },
    scale: [row(100_000, 6, 30, [250, 20, 10]), row(1000, 5, 10, [40, 5, 4])],
  };
}

describe('bench ratios against the targets of issue #13', () => {
  it('divides the mock by the other server and judges the target at its boundary', () => {
    const r = results();
    expect(ratioCell(r, 'list', 'express')).toEqual({ value: 0.6, target: 0.6, met: true });
    expect(ratioCell(r, 'detail', 'express')).toMatchObject({ value: 0.5, target: 0.6, met: false });
    expect(ratioCell(r, 'send', 'express')).toMatchObject({ value: 0.4, target: 0.4, met: true });
    expect(ratioCell(r, 'list', 'prismStatic')).toMatchObject({ value: 6, target: 6, met: true });
    // No target against bare node:http; no Prism figure for detail in this run.
    expect(ratioCell(r, 'list', 'bare')).toMatchObject({ target: undefined, met: undefined });
    expect(ratioCell(r, 'detail', 'prismStatic')).toEqual({ value: undefined, target: undefined, met: undefined });
  });

  it('rounds a shown ratio down and marks a missed target', () => {
    expect(formatRatioCell({ value: 0.599, target: 0.6, met: false })).toBe('0.59× (≥ 0.6×, **missed**)');
    expect(formatRatioCell({ value: 0.2, target: undefined, met: undefined })).toBe('0.20×');
    const table = ratioTable(results());
    expect(table).toContain('| list | 6,000 | 0.60× (≥ 0.6×, met) | 0.20× | 6.00× (≥ 6×, met) | – |');
    expect(table).toContain('| detail | 3,000 | 0.50× (≥ 0.6×, **missed**) |');
  });

  it('judges start, scale and flatness targets from medians and the 1,000 and 100,000 worlds', () => {
    const byName = Object.fromEntries(targets(results()).map((t) => [t.name.split(' ≤')[0]!, t]));
    expect(byName['CLI from the packed tarball: spawn → first 200']).toMatchObject({ measured: '380 ms', met: true });
    expect(byName['in-process `createMockServer()` → first 200']).toMatchObject({ measured: '240 ms', met: true });
    expect(byName['first `GET /analytics/aggregate-counts` at 100,000 conversations']).toMatchObject({ measured: '250 ms', met: true });
    expect(byName['`GET /messages` page p99 at 100,000 conversations']).toMatchObject({ measured: '30 ms', met: false });
    expect(byName['`GET /messages` p99 ratio 1,000 → 100,000']).toMatchObject({ measured: '10 → 30 ms (3.00×)', met: false });
    expect(byName['list p99 ratio 1,000 → 100,000']).toMatchObject({ measured: '5 → 6 ms (1.20×)', met: true });
  });

  it('leaves a target unjudged when the run did not use the sizes it names', () => {
    const r = results();
    r.scale = [row(1000, 5, 10, [40]), row(10_000, 5, 10, [60])];
    const flat = targets(r).find((t) => t.name.startsWith('list p99 ratio'))!;
    expect(flat).toMatchObject({ name: 'list p99 ratio 1,000 → 10,000 ≤ 1.2×', met: undefined });
  });

  it('takes the median of an even and an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('bench chart', () => {
  it('is an accessible SVG with every value printed, the same bytes for the same results', () => {
    const svg = renderChart(results());
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">');
    for (const label of ['6,000', '10,000', '30,000', '1,000', 'Express 5 replay', 'Prism static', 'req/s', 'p99 ms', 'conversations in the world (log scale)']) expect(svg).toContain(`>${label}<`);
    // p99 points of both series, at both sizes.
    for (const v of ['5', '6', '10', '30']) expect(svg).toContain(`>${v}</text>`);
    expect(svg).not.toContain('NaN');
    expect(renderChart(results())).toBe(svg);
  });

  it('says so when a panel has nothing to draw', () => {
    const r = results();
    r.servers = {};
    r.scale = [];
    const svg = renderChart(r);
    expect(svg).toContain('no throughput measured in this run');
    expect(svg).toContain('no scale section in this run');
  });

  it('spans whole decades around the values', () => {
    expect(decades(120, 25_000)).toEqual([100, 1000, 10_000, 100_000]);
    expect(decades(1000, 1000)).toEqual([1000, 10_000]);
  });

  it('is linked from the Markdown when written', () => {
    const r = results();
    r.chart = 'results.svg';
    expect(renderResults(r)).toContain('](results.svg)');
  });
});
