import type { takePageData as TakePageData } from '@/core/http/page-data';

/** A fresh module (it reads the page once) over a page carrying `json` as the written-in answers. */
function pageWith(json: string | undefined): typeof TakePageData {
  document.body.innerHTML = '';
  if (json !== undefined) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = 'page-data';
    script.textContent = json;
    document.body.appendChild(script);
  }
  let take: typeof TakePageData | undefined;
  jest.isolateModules(() => {
    take = (jest.requireActual('@/core/http/page-data') as { takePageData: typeof TakePageData }).takePageData;
  });
  if (!take) throw new Error('page-data did not load');
  return take;
}

const guide = { code: 'HS-GA-0005', name: '户口迁移' };

test('finds an answer by the URL the request would have, once', () => {
  const take = pageWith(
    JSON.stringify({
      '/api/items/HS-GA-0005': { ok: true, data: guide, requestId: 'r1' },
      '/api/search?q=%E6%88%B7%E5%8F%A3&pageSize=20&page=1': { ok: true, data: { total: 3 }, requestId: 'r2' },
    }),
  );
  expect(take({ url: '/items/HS-GA-0005' })).toEqual(guide);
  // Read once: a later visit asks the gateway.
  expect(take({ url: '/items/HS-GA-0005' })).toBeUndefined();
  // axios's own encoding of the params finds the written-in search.
  expect(take({ url: '/search', params: { q: '户口', pageSize: 20, page: 1 } })).toEqual({ total: 3 });
  expect(take({ url: '/search', params: { q: '户口', pageSize: 20, page: 2 } })).toBeUndefined();
  expect(document.getElementById('page-data')).toBeNull();
});

test('no element, malformed JSON or an error answer: nothing, and the page asks as usual', () => {
  expect(pageWith(undefined)({ url: '/home' })).toBeUndefined();
  expect(pageWith('{"/api/home": ')({ url: '/home' })).toBeUndefined();
  expect(pageWith('[1,2]')({ url: '/home' })).toBeUndefined();
  const notFound = { ok: false, error: { code: 'NOT_FOUND', message: '未找到' }, requestId: 'r' };
  expect(pageWith(JSON.stringify({ '/api/home': notFound }))({ url: '/home' })).toBeUndefined();
  expect(pageWith(JSON.stringify({ '/api/home': { ok: true } }))({ url: '/home' })).toBeUndefined();
});
