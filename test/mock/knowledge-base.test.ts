import { describe, expect, it } from 'vitest';
import { useMock } from '../support/mock-client.js';
import type { components } from '../../src/generated/wapikit.js';

type Schemas = components['schemas'];
type Doc = Schemas['KnowledgeBaseDocumentSchema'];

const mock = useMock();

async function allDocs(order = 'desc'): Promise<Doc[]> {
  const r = await mock.call<{ documents: Doc[]; paginationMeta: { total: number } }>('GET', `/knowledge-base?page=1&per_page=100&order=${order}`);
  expect(r.status).toBe(200);
  expect(r.body.paginationMeta.total).toBe(r.body.documents.length);
  return r.body.documents;
}

async function askAssistant(query: string): Promise<string> {
  const chat = (await mock.call('GET', '/ai/chats?page=1&per_page=10')).body.chats.find((c: { title: string }) => c.title === 'Default Chat');
  const r = await mock.call('POST', `/ai/chat/${chat.uniqueId}/messages`, { body: { query } });
  return (JSON.parse(r.text.split('\n')[0]!) as { aiMessage: { content: string } }).aiMessage.content;
}

const tagId = async (label: string) =>
  ((await mock.call('GET', '/organization/tags?page=1&per_page=100')).body.tags as Array<{ uniqueId: string; label: string }>).find((t) => t.label === label)!.uniqueId;

describe('the seeded knowledge base', () => {
  it('holds 5–8 realistic documents of the business, filed under its tags', async () => {
    const docs = await allDocs();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(docs.length).toBeLessThanOrEqual(8);
    const titles = docs.map((d) => d.title);
    for (const t of ['Returns and refunds policy', 'Shipping times and costs', 'Opening hours and customer care', 'Warranty']) expect(titles).toContain(t);
    expect(docs.find((d) => d.title === 'Returns and refunds policy')!.tags.map((t) => t.label)).toContain('Refund');
    const org = mock.app.mock.store.organizations.get(mock.app.mock.world.mainOrganizationId)!;
    expect(docs.find((d) => d.title === 'Opening hours and customer care')!.content).toContain(org.city);
    for (const d of docs) expect(d.updatedAt >= d.createdAt).toBe(true);
  });

  it('pages in both orders', async () => {
    const desc = (await allDocs('desc')).map((d) => d.uniqueId);
    expect((await allDocs('asc')).map((d) => d.uniqueId)).toEqual([...desc].reverse());
    const p2 = await mock.call('GET', '/knowledge-base?page=2&per_page=2');
    expect(p2.body.documents.map((d: Doc) => d.uniqueId)).toEqual(desc.slice(2, 4));
    expect(p2.body.paginationMeta).toEqual({ page: 2, per_page: 2, total: desc.length });
  });
});

describe('CRUD', () => {
  it('create → get → update → delete', async () => {
    const vip = await tagId('VIP');
    const created = await mock.call('POST', '/knowledge-base', { body: { title: 'Gift wrapping', content: 'Gift wrapping costs nothing for VIP customers.', tags: [vip] } });
    expect(created.status).toBe(200);
    const doc: Doc = created.body.document;
    expect(doc).toMatchObject({ title: 'Gift wrapping', status: 'Active', tags: [{ uniqueId: vip, label: 'VIP' }] });
    expect(doc.createdAt).toBe(doc.updatedAt);
    expect((await mock.call('GET', `/knowledge-base/${doc.uniqueId}`)).body.document).toEqual(doc);
    expect((await allDocs())[0]).toEqual(doc);

    const updated = await mock.call('POST', `/knowledge-base/${doc.uniqueId}`, { body: { status: 'Archived', tags: [] } });
    expect(updated.body.document).toMatchObject({ title: 'Gift wrapping', content: doc.content, status: 'Archived', tags: [] });
    expect(updated.body.document.updatedAt > doc.updatedAt).toBe(true);

    expect((await mock.call('DELETE', `/knowledge-base/${doc.uniqueId}`)).body).toEqual({ data: true });
    const gone = await mock.call('GET', `/knowledge-base/${doc.uniqueId}`);
    expect([gone.status, gone.body]).toEqual([404, 'Document not found']);
    expect((await allDocs()).map((d) => d.uniqueId)).not.toContain(doc.uniqueId);
  });

  it.each([
    ['an unknown tag', 'POST', '/knowledge-base', { title: 'x', content: 'y', tags: ['11111111-2222-4333-8444-555555555555'] }, 400, "request body field 'tags[0]' must be the id of a tag of this organization (got '11111111-2222-4333-8444-555555555555')"],
    ['an empty title', 'POST', '/knowledge-base', { title: '', content: 'y' }, 400, undefined],
    ['a blank title', 'POST', '/knowledge-base', { title: '   ', content: 'y' }, 400, "request body field 'title' must not be blank"],
    ['an empty update', 'POST', '/knowledge-base/{id}', {}, 400, undefined],
    ['an unknown field', 'POST', '/knowledge-base/{id}', { priority: 1 }, 400, undefined],
    ['an unknown document', 'GET', '/knowledge-base/11111111-2222-4333-8444-555555555555', undefined, 404, 'Document not found'],
  ])('refuses %s and changes nothing', async (_name, method, path, body, status, message) => {
    const before = await allDocs();
    const r = await mock.call(method, path.replace('{id}', before[0]!.uniqueId), { body });
    expect(r.status).toBe(status);
    if (message) expect(r.body).toBe(message);
    expect(await allDocs()).toEqual(before);
  });

  it('a document of another organization is not found', async () => {
    const other = [...mock.app.mock.store.knowledgeBase.values()].find((d) => d.organizationId !== mock.app.mock.world.mainOrganizationId)!;
    expect((await mock.call('GET', `/knowledge-base/${other.uniqueId}`)).status).toBe(404);
  });
});

describe('what the assistant uses', () => {
  it('cites a new document, and stops citing it once archived', async () => {
    const created = await mock.call('POST', '/knowledge-base', { body: { title: 'Engraving service', content: 'Engraving on metal bottles takes two extra working days and costs nothing.' } });
    expect(await askAssistant('Do you offer engraving?')).toContain('"Engraving service": Engraving on metal bottles takes two extra working days');
    await mock.call('POST', `/knowledge-base/${created.body.document.uniqueId}`, { body: { status: 'Archived' } });
    expect(await askAssistant('Do you offer engraving?')).not.toContain('Engraving service');
  });

  it('never cites the seeded archived document', async () => {
    const archived = (await allDocs()).find((d) => d.status === 'Archived');
    expect(archived).toBeDefined();
    expect(await askAssistant('What is the holiday season delivery schedule?')).not.toContain(archived!.title);
  });
});
