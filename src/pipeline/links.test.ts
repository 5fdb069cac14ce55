import { describe, expect, it } from 'vitest';
import { MEDIA_PATH_PREFIX, mediaPath } from '../world/media-path.js';
import { absolute, absoluteLinks, withAbsoluteLinks } from './links.js';

const BASE = 'http://127.0.0.1:4010/api';
const rel = mediaPath('c1', '42');

describe('absoluteLinks (JSON text)', () => {
  const cases: Array<{ name: string; body: unknown; apiBase?: string; expected: unknown }> = [
    { name: 'a relative media link is made absolute', body: { messageData: { id: '42', link: rel } }, expected: { messageData: { id: '42', link: `${BASE}/${rel}` } } },
    { name: 'every link in an array is', body: [{ link: rel }, { link: rel }], expected: [{ link: `${BASE}/${rel}` }, { link: `${BASE}/${rel}` }] },
    { name: 'an absolute link is left as it is', body: { link: 'https://cdn.example.test/conversation/x' }, expected: { link: 'https://cdn.example.test/conversation/x' } },
    { name: 'a link elsewhere is left as it is', body: { link: 'media/42' }, expected: { link: 'media/42' } },
    { name: 'another member with a media path is left as it is', body: { mediaUrl: rel }, expected: { mediaUrl: rel } },
    { name: 'the text "link":"conversation/ inside a user string is left as it is', body: { text: `"link":"${rel}` }, expected: { text: `"link":"${rel}` } },
    {
      name: 'an apiBase with characters JSON escapes',
      body: { link: rel },
      apiBase: 'http://h\\o"st/a\u2028pi',
      expected: { link: `http://h\\o"st/a\u2028pi/${rel}` },
    },
  ];
  it.each(cases)('$name', ({ body, apiBase, expected }) => {
    const out = absoluteLinks(JSON.stringify(body), apiBase ?? BASE);
    expect(JSON.parse(out)).toEqual(expected);
    // The object walk applies the same rule.
    expect(withAbsoluteLinks(body, apiBase ?? BASE)).toEqual(expected);
  });

  it('leaves text without a relative link untouched, byte for byte', () => {
    const text = JSON.stringify({ a: 1, link: 'https://x.test/y' });
    expect(absoluteLinks(text, BASE)).toBe(text);
  });

  it('takes the prefix from the media path', () => {
    expect(rel.startsWith(MEDIA_PATH_PREFIX)).toBe(true);
  });
});

describe('withAbsoluteLinks (objects)', () => {
  it('does not change its input, and shares the parts with nothing to rewrite', () => {
    const untouched = { text: 'hi' };
    const body = { message: { messageData: { link: rel } }, other: untouched };
    const out = withAbsoluteLinks(body, BASE);
    expect(body.message.messageData.link).toBe(rel);
    expect(out.other).toBe(untouched);
    expect(withAbsoluteLinks(untouched, BASE)).toBe(untouched);
  });

  it('keeps a member named __proto__ a member', () => {
    const body = JSON.parse(`{"__proto__":{"link":"${rel}"}}`) as Record<string, unknown>;
    const out = withAbsoluteLinks(body, BASE);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe(`{"__proto__":{"link":"${BASE}/${rel}"}}`);
  });
});

describe('absolute', () => {
  it.each([
    [rel, `${BASE}/${rel}`],
    [`/${rel}`, `${BASE}/${rel}`],
    ['https://cdn.example.test/x.png', 'https://cdn.example.test/x.png'],
    ['', ''],
  ])('%s → %s', (link, expected) => {
    expect(absolute(BASE, link)).toBe(expected);
  });
});
