import axios from 'axios';
import { encodeQuery } from '../../src/lib/query-string';
import { apiBase, requestUrl } from '../../src/core/http/request-url';

// The client's axios instance, as far as URLs go: same base, same params serialiser.
const client = axios.create({ baseURL: apiBase, paramsSerializer: { serialize: encodeQuery } });

describe('requestUrl', () => {
  it.each([
    { url: '/home' },
    { url: 'home' },
    { url: '/items/HS-GA-0005' },
    { url: `/items/${encodeURIComponent('a b/c')}` },
    { url: '/search', params: { q: '户口 迁移', pageSize: 20, page: 1 } },
    { url: '/search', params: { q: ' a&b=c#d ', department: undefined, fullyOnline: false } },
    { url: '/search?x=1', params: { q: 'y' } },
    { url: '/search#top', params: { q: 'y' } },
    { url: '/search', params: {} },
    { url: 'https://other.example/api/x', params: { a: 1 } },
  ])('builds the URL axios would request for %j', (config) => {
    expect(requestUrl(config)).toBe(client.getUri(config));
  });

  it('is under the API prefix', () => {
    expect(requestUrl({ url: '/calendar' })).toBe(`${apiBase}/calendar`);
    expect(apiBase.endsWith('/api')).toBe(true);
  });
});
