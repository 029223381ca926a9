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

  /** The page as served, with the preload hints taken out again. */
  const withoutHints = (html: string) => html.replace(/<link rel="preload"[^>]*>/g, '');
  const hints = (html: string) => html.match(/<link rel="preload"[^>]*>/g) ?? [];

  it('serves index.html at / without caching, hinting the home page’s first API call', async () => {
    const res = await gw.request('/');
    expect(res.status).toBe(200);
    expect(withoutHints(res.text)).toBe(INDEX);
    expect(hints(res.text)).toEqual(['<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/home">']);
    const direct = await gw.request('/index.html');
    expect(direct.status).toBe(200);
    expect(direct.text).toBe(res.text);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('falls back to index.html for app routes (browser history)', async () => {
    for (const route of ['/search/guide/index?code=HS-GA-0005', '/me/index', '/pages/anything/deep/path']) {
      const res = await gw.request(route);
      expect(res.status).toBe(200);
      expect(withoutHints(res.text)).toBe(INDEX);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('hints a page’s own chunks from the build’s page-assets.json, and its data only for a well-formed code', async () => {
    const manifest = path.join(staticDir, 'page-assets.json');
    fs.writeFileSync(
      manifest,
      JSON.stringify({ 'search/guide/index': { js: ['js/632.ab12cd34.js'], css: ['css/632.ab12cd34.css'] } }),
    );
    try {
      const guide = await gw.request('/search/guide/index?code=HS-GA-0005');
      expect(hints(guide.text)).toEqual([
        '<link rel="preload" as="style" href="/css/632.ab12cd34.css">',
        '<link rel="preload" as="script" href="/js/632.ab12cd34.js">',
        '<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/items/HS-GA-0005">',
      ]);
      const hostile = await gw.request(`/search/guide/index?code=${encodeURIComponent('"><script>alert(1)</script>')}`);
      expect(hints(hostile.text)).toEqual([
        '<link rel="preload" as="style" href="/css/632.ab12cd34.css">',
        '<link rel="preload" as="script" href="/js/632.ab12cd34.js">',
      ]);
      expect(hostile.text).not.toContain('<script>');
      expect(hints((await gw.request('/me/index/index')).text)).toEqual([]);
    } finally {
      fs.rmSync(manifest);
    }
  });

  it('hints a link to a search with its first page, asked for exactly as the app asks (axios’s encoding)', async () => {
    const hinted = async (url: string) => hints((await gw.request(url)).text);
    const searchHint = (query: string) =>
      `<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/search?${query}&pageSize=20&page=1">`;
    expect(await hinted(`/search/results/index?q=${encodeURIComponent('户口')}`)).toEqual([
      searchHint('q=%E6%88%B7%E5%8F%A3'),
    ]);
    expect(await hinted(`/search/results/index?q=${encodeURIComponent(' 身份证 换领: a,b [1] ')}`)).toEqual([
      searchHint('q=%E8%BA%AB%E4%BB%BD%E8%AF%81+%E6%8D%A2%E9%A2%86:+a,b+[1]'),
    ]);
    const hostile = await gw.request(
      `/search/results/index?q=${encodeURIComponent('"><script>alert(1)</script>&x=1')}`,
    );
    expect(hints(hostile.text)).toEqual([searchHint('q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%26x%3D1')]);
    expect(hostile.text).not.toContain('<script>alert');
    // Cut where the app's search box cuts (50 characters); no text, no search.
    expect(await hinted(`/search/results/index?q=${'办'.repeat(60)}`)).toEqual([
      searchHint(`q=${encodeURIComponent('办'.repeat(50))}`),
    ]);
    expect(await hinted('/search/results/index?q=%20%20')).toEqual([]);
    expect(await hinted('/search/results/index')).toEqual([]);
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
