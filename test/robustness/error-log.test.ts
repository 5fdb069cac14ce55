/**
 * Unexpected errors (bugs that become a 500) leave a trace: each is logged once, always, with the operation,
 * method, path and stack, while the client still gets only the generic sentence.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MOCK_OPTIONS } from '../../src/options.js';
import { startMock, type TestMock } from '../support/mock-client.js';

const GENERIC = 'Something went wrong while processing your request.';

let mock: TestMock | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await mock?.close();
  mock = undefined;
});

async function mockWithLog(options: Parameters<typeof startMock>[0] = {}) {
  const log: string[] = [];
  mock = await startMock({ ...options, errorLog: (report) => log.push(report) });
  return { mock, log };
}

/** Makes every read of the organization's tags throw, as a bug in the store would. */
function breakTags(m: TestMock, message: string): void {
  m.app.mock.store.tags.values = () => {
    throw new Error(message);
  };
}

describe('an error a handler did not expect', () => {
  it('is answered 500 with the generic sentence and logged once with operation, method, path and stack', async () => {
    const { mock, log } = await mockWithLog();
    breakTags(mock, 'tags exploded');
    const r = await mock.call('GET', '/organization/tags?page=1&per_page=5&sortBy=asc');
    expect(r.status).toBe(500);
    expect(r.body).toBe(GENERIC);
    expect(r.text).not.toContain('tags exploded');
    expect(log).toHaveLength(1);
    const [report] = log as [string];
    expect(report).toContain('getOrganizationTags');
    expect(report).toContain('GET /api/organization/tags');
    expect(report).not.toContain('per_page'); // the query string (which may carry a token) stays out
    expect(report).toContain('Error: tags exploded');
    expect(report).toMatch(/\n\s+at .+tags/); // the stack, down to the failing call
  });

  it('is logged once per request, each time it happens', async () => {
    const { mock, log } = await mockWithLog();
    breakTags(mock, 'again');
    await mock.call('GET', '/organization/tags?page=1&per_page=5');
    await mock.call('GET', '/organization/tags?page=2&per_page=5');
    expect(log).toHaveLength(2);
  });

  it('is logged, while the 4xx answers of bad input are not', async () => {
    const { mock, log } = await mockWithLog();
    expect((await mock.call('GET', '/organization/tags?page=abc&per_page=5')).status).toBe(400);
    expect((await mock.call('GET', '/conversation/%ff')).status).toBe(400);
    expect((await mock.call('GET', '/organization/tags?page=1&per_page=5', { headers: { prefer: 'example=constructor' } })).status).toBe(400);
    breakTags(mock, 'only this one');
    expect((await mock.call('GET', '/organization/tags?page=1&per_page=5')).status).toBe(500);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('only this one');
  });

  it('in a response that breaks the spec (--strict-responses) is logged too', async () => {
    const { mock, log } = await mockWithLog({ strictResponses: true });
    const tags = mock.app.mock.store.tags;
    const first = [...tags.values()][0]!;
    // A corrupted record: a number where the spec wants the label string.
    tags.set(first.uniqueId, Object.assign({ ...first }, { label: 42 }));
    const r = await mock.call('GET', '/organization/tags?page=1&per_page=50');
    expect(r.status).toBe(500);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('getOrganizationTags');
    expect(log[0]).toContain('breaks the spec');
  });

  it('in the /__mock controls is logged the same way', async () => {
    const { mock, log } = await mockWithLog();
    const snapshot = await (await fetch(`${mock.url}/__mock/state`)).text();
    mock.app.mock.newStore = () => {
      throw new Error('no store for you');
    };
    const r = await fetch(`${mock.url}/__mock/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: snapshot });
    expect(r.status).toBe(500);
    expect(await r.json()).toBe(GENERIC);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('PUT /__mock/state');
    expect(log[0]).toContain('Error: no store for you');
  });

  it('goes to standard error by default, whatever the request log does (--quiet too)', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    mock = await startMock();
    expect(mock.app.mock.options.errorLog).toBe(DEFAULT_MOCK_OPTIONS.errorLog);
    breakTags(mock, 'to stderr');
    const r = await mock.call('GET', '/organization/tags?page=1&per_page=5');
    expect(r.status).toBe(500);
    const written = write.mock.calls.map(([chunk]) => String(chunk)).join('');
    expect(written).toContain('getOrganizationTags');
    expect(written).toContain('Error: to stderr');
  });
});
