/**
 * The bench's chart, as a hand-written SVG string (no browser, no dependency): on the left, throughput per
 * endpoint for every server (grouped bars on a log scale, values printed); on the right, p99 against world
 * size for the list and /messages. A pure function of the results, so the same figures give the same bytes.
 */
import type { EndpointKey, Results, ScaleRow, ServerKey } from './report.js';

const SERVERS: Array<{ key: ServerKey; label: string; colour: string }> = [
  // Okabe–Ito colours: told apart with the common colour-vision deficiencies.
  { key: 'mock', label: 'wapikit-mock', colour: '#0072B2' },
  { key: 'express', label: 'Express 5 replay', colour: '#E69F00' },
  { key: 'bare', label: 'bare node:http', colour: '#009E73' },
  { key: 'prismStatic', label: 'Prism static', colour: '#CC79A7' },
  { key: 'prismDynamic', label: 'Prism dynamic', colour: '#D55E00' },
];
const ENDPOINTS: EndpointKey[] = ['list', 'detail', 'send'];
const SERIES: Array<{ label: string; colour: string; p99: (s: ScaleRow) => number | undefined }> = [
  { label: 'list', colour: '#0072B2', p99: (s) => s.list.p99 },
  { label: '/messages', colour: '#D55E00', p99: (s) => s.messages?.p99 },
];

const W = 1000;
const H = 460;
const TOP = 60;
const BOTTOM = 370; // y of both x axes
const LEFT = { x0: 70, x1: 560 };
const RIGHT = { x0: 650, x1: 970 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 10) / 10));
const text = (x: number, y: number, s: string, extra = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${extra}>${esc(s)}</text>`;

/** Powers of ten from below `lo` to above `hi`, for a log axis. */
export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(Math.max(lo, 1e-3))); p <= Math.ceil(Math.log10(Math.max(hi, lo, 1e-3))); p++) out.push(10 ** p);
  return out.length >= 2 ? out : [out[0] ?? 1, (out[0] ?? 1) * 10];
}

/** Maps a value onto [a, b] along a log scale spanning `ticks`. */
const logScale = (ticks: number[], a: number, b: number) => (v: number) => {
  const lo = Math.log10(ticks[0]!);
  const hi = Math.log10(ticks[ticks.length - 1]!);
  return a + ((Math.log10(Math.max(v, ticks[0]!)) - lo) / (hi - lo)) * (b - a);
};

function throughputPanel(r: Results): string[] {
  const shown = SERVERS.filter((s) => ENDPOINTS.some((e) => r.servers[s.key]?.loads[e]));
  const values = shown.flatMap((s) => ENDPOINTS.map((e) => r.servers[s.key]?.loads[e]?.rps ?? 0)).filter((v) => v > 0);
  if (values.length === 0) return [text((LEFT.x0 + LEFT.x1) / 2, (TOP + BOTTOM) / 2, 'no throughput measured in this run', ' text-anchor="middle"')];
  // From below the smallest value, so that the shortest bar still shows.
  const ticks = decades(Math.min(...values) / 1.5, Math.max(...values));
  const y = logScale(ticks, BOTTOM, TOP);
  const out = [text(LEFT.x0, 40, 'Throughput, req/s (2xx), log scale — higher is better', ' font-weight="bold"')];
  for (const t of ticks) out.push(`<line x1="${LEFT.x0}" x2="${LEFT.x1}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`, text(LEFT.x0 - 6, y(t) + 4, t.toLocaleString('en-US'), ' text-anchor="end"'));
  const group = (LEFT.x1 - LEFT.x0) / ENDPOINTS.length;
  const bar = (group - 20) / Math.max(shown.length, 1);
  ENDPOINTS.forEach((e, gi) => {
    const gx = LEFT.x0 + gi * group + 10;
    shown.forEach((s, si) => {
      const v = r.servers[s.key]?.loads[e]?.rps;
      if (!v) return;
      const x = gx + si * bar;
      out.push(`<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(BOTTOM - y(v)).toFixed(1)}" fill="${s.colour}"><title>${esc(`${e}, ${s.label}: ${fmt(v)} req/s`)}</title></rect>`);
      // Printed upright-rotated so that five labels fit over one group.
      const lx = x + bar / 2 + 3;
      out.push(text(lx, y(v) - 4, fmt(v), ` font-size="10" transform="rotate(-90 ${lx.toFixed(1)} ${(y(v) - 4).toFixed(1)})"`));
    });
    out.push(text(gx + (group - 20) / 2, BOTTOM + 18, e, ' text-anchor="middle"'));
  });
  out.push(`<line x1="${LEFT.x0}" x2="${LEFT.x1}" y1="${BOTTOM}" y2="${BOTTOM}" stroke="#333"/>`);
  out.push(text((LEFT.x0 + LEFT.x1) / 2, BOTTOM + 36, 'endpoint', ' text-anchor="middle"'));
  out.push(text(18, (TOP + BOTTOM) / 2, 'req/s', ` text-anchor="middle" transform="rotate(-90 18 ${(TOP + BOTTOM) / 2})"`));
  shown.forEach((s, i) => {
    const x = LEFT.x0 + (i % 3) * 165;
    const ly = BOTTOM + 52 + Math.floor(i / 3) * 16;
    out.push(`<rect x="${x}" y="${ly - 10}" width="12" height="12" fill="${s.colour}"/>`, text(x + 16, ly, s.label));
  });
  return out;
}

function scalePanel(rows: readonly ScaleRow[]): string[] {
  const sorted = [...rows].sort((a, b) => a.size - b.size);
  const out = [text(RIGHT.x0 - 40, 40, 'p99 ms against world size — lower is better', ' font-weight="bold"')];
  const p99s = sorted.flatMap((s) => SERIES.map((k) => k.p99(s))).filter((v): v is number => v !== undefined);
  if (sorted.length === 0 || p99s.length === 0) return [...out, text((RIGHT.x0 + RIGHT.x1) / 2, (TOP + BOTTOM) / 2, 'no scale section in this run', ' text-anchor="middle"')];
  const xTicks = decades(sorted[0]!.size, sorted[sorted.length - 1]!.size);
  const x = logScale(xTicks, RIGHT.x0, RIGHT.x1);
  const yMax = Math.max(...p99s) * 1.15;
  const y = (v: number) => BOTTOM - (v / yMax) * (BOTTOM - TOP);
  // At most about eight gridlines, at round values.
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].find((st) => yMax / st <= 8) ?? 10_000;
  for (let t = 0; t <= yMax; t += step) out.push(`<line x1="${RIGHT.x0}" x2="${RIGHT.x1}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#ddd"/>`, text(RIGHT.x0 - 6, y(t) + 4, String(t), ' text-anchor="end"'));
  for (const t of xTicks) out.push(text(x(t), BOTTOM + 18, t.toLocaleString('en-US'), ' text-anchor="middle"'));
  out.push(`<line x1="${RIGHT.x0}" x2="${RIGHT.x1}" y1="${BOTTOM}" y2="${BOTTOM}" stroke="#333"/>`);
  out.push(text((RIGHT.x0 + RIGHT.x1) / 2, BOTTOM + 36, 'conversations in the world (log scale)', ' text-anchor="middle"'));
  out.push(text(RIGHT.x0 - 38, (TOP + BOTTOM) / 2, 'p99 ms', ` text-anchor="middle" transform="rotate(-90 ${RIGHT.x0 - 38} ${(TOP + BOTTOM) / 2})"`));
  SERIES.forEach((k, i) => {
    const pts = sorted.flatMap((s) => {
      const v = k.p99(s);
      return v === undefined ? [] : [{ px: x(s.size), py: y(v), v }];
    });
    if (pts.length > 0) out.push(`<polyline fill="none" stroke="${k.colour}" stroke-width="2" points="${pts.map((p) => `${p.px.toFixed(1)},${p.py.toFixed(1)}`).join(' ')}"/>`);
    // Labels of the rightmost point go to its left, inside the chart.
    for (const p of pts) {
      const left = p.px > RIGHT.x1 - 30;
      out.push(`<circle cx="${p.px.toFixed(1)}" cy="${p.py.toFixed(1)}" r="4" fill="${k.colour}"/>`, text(p.px + (left ? -6 : 6), p.py + (i === 0 ? -6 : 14), fmt(p.v), ` font-size="11" fill="${k.colour}"${left ? ' text-anchor="end"' : ''}`));
    }
    const lx = RIGHT.x0 + i * 120;
    out.push(`<rect x="${lx}" y="${BOTTOM + 42}" width="12" height="12" fill="${k.colour}"/>`, text(lx + 16, BOTTOM + 52, k.label));
  });
  return out;
}

/** The whole chart: an SVG document with a title and a description for screen readers. */
export function renderChart(r: Results): string {
  const title = 'wapikit-mock benchmark: throughput against Express, bare node:http and Prism; p99 against world size';
  const desc = `Measured ${r.env.date}, Node ${r.env.node}, ${r.env.cores} cores, ${r.env.connections} connections, ${r.env.seconds} s per measurement. Every value is printed on the chart.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `<title id="chart-title">${esc(title)}</title>`,
    `<desc id="chart-desc">${esc(desc)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    text(W / 2, 18, `${r.env.date} · Node ${r.env.node} · ${r.env.cores} cores (shared machine)`, ' text-anchor="middle" fill="#555"'),
    ...throughputPanel(r),
    ...scalePanel(r.scale),
    '</svg>',
    '',
  ].join('\n');
}
