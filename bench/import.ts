/**
 * The CSV import section of the bench: uploads CSV files of 3,000 and 50,000 contacts to a running mock
 * (`POST /contacts/bulk-import`, into two lists that grow with every import) and, while each upload runs, polls
 * the health check every ~10 ms on fresh connections to see how long the server leaves other requests waiting.
 */
import { fetchRaw } from './servers.js';

export interface ImportRun {
  rows: number;
  ms: number;
  rowsPerSecond: number;
  status: number;
  message: string;
  /** Health checks answered while the upload was in flight, and the slowest of them. */
  healthChecks: number;
  worstHealthMs: number;
}

/** A CSV of `rows` contacts with unique, valid UK mobile numbers (from `first` on) and a small attributes object. */
export function contactsCsv(rows: number, first: number): string {
  const lines = ['name,phone,attributes'];
  for (let i = first; i < first + rows; i++) lines.push(`Bench Contact ${i},+4479${String(i).padStart(8, '0')},"{""n"":${i},""plan"":""gold""}"`);
  return `${lines.join('\n')}\n`;
}

/** A multipart/form-data body with the CSV as `file` and the given text fields. */
function multipart(csv: string, fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = 'wapikit-bench-boundary';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="contacts.csv"\r\ncontent-type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`);
  return { body: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}` };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` every `everyMs` until `done()`; returns how many answered and the slowest answer in ms. */
async function pollWhile(url: string, everyMs: number, done: () => boolean): Promise<{ count: number; worstMs: number }> {
  let count = 0;
  let worstMs = 0;
  while (!done()) {
    const t0 = performance.now();
    const res = await fetchRaw(url);
    if (res.status !== 200) throw new Error(`the health check answered ${res.status} during the import: ${res.body.toString()}`);
    worstMs = Math.max(worstMs, performance.now() - t0);
    count++;
    await sleep(everyMs);
  }
  return { count, worstMs };
}

async function createList(origin: string, base: string, token: string, name: string): Promise<string> {
  const res = await fetchRaw(`${origin}${base}/lists`, {
    method: 'POST',
    headers: { 'x-access-token': token, 'content-type': 'application/json' },
    body: JSON.stringify({ name, tags: [] }),
  });
  if (res.status !== 200) throw new Error(`POST /lists answered ${res.status}: ${res.body.toString()}`);
  return (JSON.parse(res.body.toString()) as { list: { uniqueId: string } }).list.uniqueId;
}

/** Imports each size in turn into the same two lists, polling the health check during every upload. */
export async function importBench(origin: string, base: string, token: string, sizes: readonly number[]): Promise<ImportRun[]> {
  const listIds = [await createList(origin, base, token, 'Bench import A'), await createList(origin, base, token, 'Bench import B')];
  const runs: ImportRun[] = [];
  let first = 0;
  for (const rows of sizes) {
    const { body, contentType } = multipart(contactsCsv(rows, first), { listIds: JSON.stringify(listIds) });
    first += rows;
    let finished = false;
    const t0 = performance.now();
    const upload = fetchRaw(`${origin}${base}/contacts/bulk-import`, { method: 'POST', headers: { 'x-access-token': token, 'content-type': contentType }, body })
      .finally(() => (finished = true));
    const [res, health] = await Promise.all([upload, pollWhile(`${origin}${base}/health-check`, 10, () => finished)]);
    const ms = performance.now() - t0;
    const message = res.body.toString();
    runs.push({ rows, ms: Math.round(ms), rowsPerSecond: Math.round((rows / ms) * 1000), status: res.status, message: message.length > 200 ? `${message.slice(0, 200)}…` : message, healthChecks: health.count, worstHealthMs: Math.round(health.worstMs * 10) / 10 });
  }
  return runs;
}
