import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { inlineHashes } from '../../gateway/src/web/content-security-policy';
import { expectError, startGateway, tempDir, type TestGateway } from './support/harness';

const INLINE_SCRIPT = 'document.documentElement.style.fontSize="20px"';
const INLINE_STYLE = '.weui-tabbar__label { font-size: 0.4rem !important; }';
const INDEX = `<!doctype html><html><head><title>洪山掌上办</title><script>${INLINE_SCRIPT}</script><style>${INLINE_STYLE}</style><script defer src="/js/app.1a2b3c.js"></script></head><body><div id="app"></div></body></html>`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
/** Taro's tab bar links are `javascript:;`: allowed by that hash alone. */
const TAB_BAR = ["'unsafe-hashes'", sha256('javascript:;')];

/** A GET with a raw path (fetch would normalise a malformed one) and extra headers. */
function rawGet(base: string, rawPath: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.get(`${base}${rawPath}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
  });
}

function directives(policy: string | null): Map<string, string[]> {
  return new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name, values]),
  );
}

describe('security headers', () => {
  let gw: TestGateway;
  let staticDir: string;

  beforeAll(async () => {
    staticDir = tempDir('h5-headers');
    fs.mkdirSync(path.join(staticDir, 'js'));
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(staticDir, 'js', 'app.1a2b3c.js'), 'console.log(1)');
    gw = await startGateway({ staticDir });
  });

  afterAll(async () => {
    await gw.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  const expectSecurityHeaders = (get: (name: string) => string | null | undefined, what: string) => {
    expect({ what, nosniff: get('x-content-type-options') }).toEqual({ what, nosniff: 'nosniff' });
    expect(get('x-frame-options')).toBe('DENY');
    expect(get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const csp = directives(get('content-security-policy') ?? null);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'", sha256(INLINE_SCRIPT), ...TAB_BAR]);
    // The app adds styles as it renders (see content-security-policy.ts): inline styles only.
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    // Plain HTTP, no trusted proxy: no HSTS.
    expect(get('strict-transport-security')).toBeNull();
  };

  it('are on the page, a script, the API and its errors', async () => {
    const page = await gw.request('/search/home/index');
    expect(page.status).toBe(200);
    expectSecurityHeaders((n) => page.headers.get(n), 'page');

    const script = await gw.request('/js/app.1a2b3c.js');
    expect(script.status).toBe(200);
    expectSecurityHeaders((n) => script.headers.get(n), 'script');

    const api = await gw.request('/api/home');
    expect(api.status).toBe(200);
    expectSecurityHeaders((n) => api.headers.get(n), 'api');

    const missing = await gw.request('/api/not-a-route');
    expectError(missing, 404, 'NOT_FOUND');
    expectSecurityHeaders((n) => missing.headers.get(n), 'api 404');

    const invalid = await gw.request('/api/auth/sms', { method: 'POST', body: { mobile: '123' } });
    expect(invalid.status).toBe(400);
    expectSecurityHeaders((n) => invalid.headers.get(n), 'api 400');

    const badUrl = await rawGet(gw.base, '/api/items/%E0%A4%A');
    expect(badUrl.status).toBe(400);
    expectSecurityHeaders((n) => (badUrl.headers[n] as string | undefined) ?? null, 'bad url');
  });

  it('never allow inline scripts by "unsafe-inline", eval, or any host', async () => {
    const csp = directives((await gw.request('/')).headers.get('content-security-policy'));
    for (const [name, values] of csp) {
      if (name === 'style-src') continue;
      // 'unsafe-hashes' only widens hashes, and script-src's one such hash is the tab bar's no-op href.
      const wide = values.filter(
        (v) => /unsafe|\*|https?:/.test(v) && !(name === 'script-src' && v === "'unsafe-hashes'"),
      );
      expect({ name, wide }).toEqual({ name, wide: [] });
    }
  });

  it('follow a new build: its inline script is allowed by its own hash', async () => {
    const next = 'window.__next=1';
    const file = path.join(staticDir, 'index.html');
    fs.writeFileSync(file, INDEX.replace(INLINE_SCRIPT, next));
    // A later mtime, however coarse the file system's clock.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    try {
      const csp = directives((await gw.request('/')).headers.get('content-security-policy'));
      expect(csp.get('script-src')).toEqual(["'self'", sha256(next), ...TAB_BAR]);
    } finally {
      fs.writeFileSync(file, INDEX);
      const latest = new Date(Date.now() + 10_000);
      fs.utimesSync(file, latest, latest);
    }
  });
});

describe('HSTS', () => {
  it('is sent when a trusted proxy says the request came over HTTPS, and only then', async () => {
    const trusting = await startGateway({ trustProxy: true });
    const plain = await startGateway();
    try {
      const overHttps = await rawGet(trusting.base, '/api/home', { 'x-forwarded-proto': 'https' });
      expect(overHttps.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const overHttp = await rawGet(trusting.base, '/api/home');
      expect(overHttp.headers['strict-transport-security']).toBeUndefined();
      // Without trustProxy anyone could claim https: the header is not believed.
      const claimed = await rawGet(plain.base, '/api/home', { 'x-forwarded-proto': 'https' });
      expect(claimed.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await trusting.close();
      await plain.close();
    }
  });
});

describe('inline hashes', () => {
  it('name the inline scripts that run, not scripts loaded by src nor JSON data blocks', () => {
    const html =
      '<script>a()</script><script src="/js/x.js"></script><script type="application/json" id="page-data">{}</script><script>a()</script>';
    expect(inlineHashes(html)).toEqual({ scripts: [sha256('a()')] });
  });
});
