import { describe, expect, it } from 'vitest';
import { operationFor, useMock } from './mock-client.js';

const LABEL = 'Written by an earlier test';

async function tagLabels(mock: ReturnType<typeof useMock>): Promise<string[]> {
  const list = await mock.call<{ tags: { label: string }[] }>('GET', '/organization/tags?page=1&per_page=100');
  return list.body.tags.map((t) => t.label);
}

describe('useMock() by default', () => {
  const mock = useMock();

  it('lets a test write', async () => {
    expect((await mock.call('POST', '/organization/tags', { body: { label: LABEL } })).status).toBe(200);
    expect(await tagLabels(mock)).toContain(LABEL);
  });

  it('gives the next test the seeded world, without what the earlier test wrote', async () => {
    expect(await tagLabels(mock)).not.toContain(LABEL);
    expect((await mock.call('POST', '/organization/tags', { body: { label: LABEL } })).status).toBe(200);
  });
});

describe('useMock({ shared: true })', () => {
  // Shared on purpose: these two tests are the two steps the option exists for.
  const mock = useMock({}, { shared: true });

  it('lets a test write', async () => {
    expect((await mock.call('POST', '/organization/tags', { body: { label: LABEL } })).status).toBe(200);
  });

  it('keeps what the earlier test wrote', async () => {
    expect(await tagLabels(mock)).toContain(LABEL);
  });
});

describe('operationFor', () => {
  it.each([
    ['a literal segment over a parameter', 'GET', '/organization/tags', 'getOrganizationTags'],
    ['the parameter when no literal route matches', 'GET', '/organization/0b7e6a1c-6f57-4a8e-9b4e-2d7f0c1a9e11', 'getOrganizationById'],
    ['another method on the same path', 'POST', '/organization/tags', 'createOrganizationTag'],
    ['a literal segment over a parameter (POST)', 'POST', '/contacts/bulk-import', 'bulkImportContacts'],
    ['a path with a query string', 'GET', '/conversations?page=1&per_page=10', 'getConversations'],
    ['a lower-case method', 'get', '/organization/tags', 'getOrganizationTags'],
    ['a trailing slash', 'GET', '/organization/tags/', 'getOrganizationTags'],
  ])('picks %s', (_name, method, path, operationId) => {
    expect(operationFor(method, path)?.operationId).toBe(operationId);
  });

  it.each([
    ['an unknown path', 'GET', '/no-such-route'],
    ['a method the path does not have', 'DELETE', '/organization/tags'],
    ['a parameter that would span two segments', 'GET', '/organization/a/b'],
  ])('finds nothing for %s', (_name, method, path) => {
    expect(operationFor(method, path)).toBeUndefined();
  });
});
