import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { expectError, startGateway, tempDir, type TestGateway } from './support/harness';

const INDEX = '<!doctype html><html><head><title>洪山掌上办</title></head><body><div id="app"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('洪山掌上办'.repeat(400))});`;

describe('serving the built H5 app', () => {
  let gw: TestGateway;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = tempDir('h5');
    fs.mkdirSync(path.join(staticDir, 'js'));
    fs.mkdirSync(path.join(staticDir, 'css'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(staticDir, 'js', 'app.3f2a1b.js'), SCRIPT);
    fs.writeFileSync(path.join(staticDir, 'css', 'app.3f2a1b.css'), 'body{color:#1d4ed8}');
    fs.writeFileSync(path.join(staticDir, 'favicon.ico'), 'icon');
    gw = await startGateway({ staticDir });
  });

  afterAll(async () => {
    await gw.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  /** The page as served, with the preload hints and the written-in answers taken out again. */
  const PAGE_DATA = /<script type="application\/json" id="page-data">([^<]*)<\/script>/;
  const plain = (html: string) => html.replace(/<link rel="preload"[^>]*>/g, '').replace(PAGE_DATA, '');
  const hints = (html: string) => html.match(/<link rel="preload"[^>]*>/g) ?? [];
  /** The answers written into the page, by URL (none: an empty object). */
  const pageData = (html: string): Record<string, { ok: boolean; data: unknown }> => {
    const match = PAGE_DATA.exec(html);
    return match ? (JSON.parse(match[1]) as Record<string, { ok: boolean; data: unknown }>) : {};
  };
  /** What the page would get asking the API itself (all but the request id). */
  const answerData = (answers: Record<string, { ok: boolean; data: unknown }>) =>
    Object.fromEntries(Object.entries(answers).map(([url, answer]) => [url, { ok: answer.ok, data: answer.data }]));
  const api = async (url: string) => ({ ok: true, data: ((await gw.request(url)).body as { data: unknown }).data });

  it('serves index.html at / without caching, with the home page’s first answer written in', async () => {
    const res = await gw.request('/');
    expect(res.status).toBe(200);
    expect(plain(res.text)).toBe(INDEX);
    expect(hints(res.text)).toEqual([]);
    expect(answerData(pageData(res.text))).toEqual({ '/api/home': await api('/api/home') });
    const direct = await gw.request('/index.html');
    expect(direct.status).toBe(200);
    expect(plain(direct.text)).toBe(INDEX);
    expect(Object.keys(pageData(direct.text))).toEqual(['/api/home']);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for app routes (browser history)', async () => {
    for (const route of ['/search/guide/index?code=HS-GA-0005', '/me/index', '/pages/anything/deep/path']) {
      const res = await gw.request(route);
      expect(res.status).toBe(200);
      expect(plain(res.text)).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('hints a page’s own chunks from the build’s page-assets.json, and writes in a guide with its calendar', async () => {
    const manifest = path.join(staticDir, 'page-assets.json');
    fs.writeFileSync(
      manifest,
      JSON.stringify({ 'search/guide/index': { js: ['js/632.ab12cd34.js'], css: ['css/632.ab12cd34.css'] } }),
    );
    try {
      const home = (await gw.request('/api/home')).body as { data: { hotItems: { code: string }[] } };
      const code = home.data.hotItems[0].code;
      const guide = await gw.request(`/search/guide/index?code=${code}`);
      expect(hints(guide.text)).toEqual([
        '<link rel="preload" as="style" href="/css/632.ab12cd34.css">',
        '<link rel="preload" as="script" href="/js/632.ab12cd34.js">',
      ]);
      expect(answerData(pageData(guide.text))).toEqual({
        [`/api/items/${code}`]: await api(`/api/items/${code}`),
        '/api/calendar': await api('/api/calendar'),
      });
      // Only a well-formed code is asked for, and only a 200 is written in.
      const hostile = await gw.request(`/search/guide/index?code=${encodeURIComponent('"><script>alert(1)</script>')}`);
      expect(pageData(hostile.text)).toEqual({});
      expect(hostile.text).not.toContain('<script>');
      const unknown = await gw.request('/search/guide/index?code=NO-SUCH-ITEM');
      expect(Object.keys(pageData(unknown.text))).toEqual(['/api/calendar']);
      const me = await gw.request('/me/index/index');
      expect(hints(me.text)).toEqual([]);
      expect(pageData(me.text)).toEqual({});
    } finally {
      fs.rmSync(manifest);
    }
  });

  it('writes in a link to a search’s first page, by the URL the app asks for it (encodeURIComponent)', async () => {
    const written = async (url: string) => Object.keys(pageData((await gw.request(url)).text));
    const searchUrl = (query: string) => `/api/search?${query}&pageSize=20&page=1`;
    expect(await written(`/search/results/index?q=${encodeURIComponent('户口')}`)).toEqual([
      searchUrl('q=%E6%88%B7%E5%8F%A3'),
    ]);
    expect(await written(`/search/results/index?q=${encodeURIComponent(' 身份证 换领: a,b [1] ')}`)).toEqual([
      searchUrl('q=%E8%BA%AB%E4%BB%BD%E8%AF%81%20%E6%8D%A2%E9%A2%86%3A%20a%2Cb%20%5B1%5D'),
    ]);
    // Cut where the app's search box cuts (50 characters); no text, no search.
    expect(await written(`/search/results/index?q=${'办'.repeat(60)}`)).toEqual([
      searchUrl(`q=${encodeURIComponent('办'.repeat(50))}`),
    ]);
    expect(await written('/search/results/index?q=%20%20')).toEqual([]);
    expect(await written('/search/results/index')).toEqual([]);
  });

  it('writes hostile text in as data: nothing in it can close the script element or start another', async () => {
    const text = '</script><script>alert(1)</script><!--';
    const res = await gw.request(`/search/results/index?q=${encodeURIComponent(text)}`);
    expect(res.text.match(/<script/g)).toHaveLength(1);
    expect(res.text.match(/<\/script>/g)).toHaveLength(1);
    expect(res.text).not.toContain('<!--');
    const [answer] = Object.values(pageData(res.text)) as { data: { q: string } }[];
    expect(answer.data.q).toBe(text);
  });

  it('serves hashed assets with a long cache, gzipped when asked', async () => {
    const res = await fetch(`${gw.base}/js/app.3f2a1b.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes transparently; check the body survived the round trip.
    expect(await res.text()).toBe(SCRIPT);
    const css = await gw.request('/css/app.3f2a1b.css');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await gw.request('/favicon.ico')).headers.get('cache-control')).toBe('no-cache');
  });

  it('gzip really shrinks the bytes on the wire', async () => {
    const { request } = await import('node:http');
    const body = await new Promise<Buffer>((resolve, reject) => {
      request(`${gw.base}/js/app.3f2a1b.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
        .on('error', reject)
        .end();
    });
    expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(gunzipSync(body).toString()).toBe(SCRIPT);
  });

  it('serves the build’s own .br and .gz beside a file as they are, by what the client accepts', async () => {
    const rawBytes = async (url: string, acceptEncoding: string) => {
      const { request } = await import('node:http');
      return new Promise<{ body: Buffer; headers: Record<string, unknown> }>((resolve, reject) => {
        request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ body: Buffer.concat(chunks), headers: res.headers }));
        })
          .on('error', reject)
          .end();
      });
    };
    const file = path.join(staticDir, 'js', 'page.9a8b7c.js');
    // Marked copies, so the test sees which file was sent rather than a fresh compression.
    fs.writeFileSync(file, SCRIPT);
    fs.writeFileSync(`${file}.br`, brotliCompressSync(`${SCRIPT}//br`));
    fs.writeFileSync(`${file}.gz`, gzipSync(`${SCRIPT}//gz`));
    try {
      const br = await rawBytes(`${gw.base}/js/page.9a8b7c.js`, 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(brotliDecompressSync(br.body).toString()).toBe(`${SCRIPT}//br`);
      const gz = await rawBytes(`${gw.base}/js/page.9a8b7c.js`, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body).toString()).toBe(`${SCRIPT}//gz`);
      const plain = await rawBytes(`${gw.base}/js/page.9a8b7c.js`, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(SCRIPT);
    } finally {
      for (const f of [file, `${file}.br`, `${file}.gz`]) fs.rmSync(f);
    }
  });

  it('a missing file is a real 404, not the app', async () => {
    const res = await gw.request('/js/missing.4b5c6d.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="app">');
  });

  it('API paths never fall back to the app', async () => {
    expectError(await gw.request('/api/not-a-route'), 404, 'NOT_FOUND');
    expect((await gw.request('/api/home')).headers.get('content-type')).toMatch(/application\/json/);
  });
});

describe('before the H5 app is built', () => {
  it('says in Chinese to run npm run build:h5, while the API works', async () => {
    const gw = await startGateway({ staticDir: path.join(tempDir('none'), 'dist', 'h5') });
    try {
      const res = await gw.request('/');
      expect(res.status).toBe(503);
      expect(res.text).toContain('npm run build:h5');
      expect(res.text).toContain('尚未构建');
      expect((await gw.request('/search/guide/index?code=x')).text).toContain('npm run build:h5');
      expect((await gw.request('/api/home')).status).toBe(200);
    } finally {
      await gw.close();
    }
  });
});
