import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { APP_SEARCH_PAGE_SIZE, APP_SEARCH_TEXT_MAX } from '../../../types/contract/routes';
import { errorEnvelope } from '../http/envelope';
import { contentSecurityPolicy, inlineHashes } from './content-security-policy';

const LONG_CACHE = 'public, max-age=31536000, immutable';

/** Shown at `/` (and every app route) until the H5 app has been built. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>洪山掌上办</title>
<style>body{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.7;color:#1f2937}h1{color:#1d4ed8}pre{background:#f3f4f6;padding:.75em 1em;border-radius:6px}</style></head>
<body>
<h1>洪山掌上办网关已启动，H5 应用尚未构建</h1>
<p>没有找到构建好的 H5 页面。请在项目根目录运行：</p>
<pre>npm run build:h5</pre>
<p>构建完成后刷新本页即可。接口仍可正常使用，接口说明见 <a href="/api/openapi.json">/api/openapi.json</a>。</p>
</body>
</html>`;

const NOT_BUILT_POLICY = contentSecurityPolicy(inlineHashes(NOT_BUILT_PAGE));

/** The API calls a page makes first, as the app makes them. */
function dataFor(page: string, query: URLSearchParams): string[] {
  if (page === 'search/home/index') return ['/api/home'];
  if (page === 'search/results/index') {
    // The app's first request for a link to a search: the text as it cuts it, then its page size.
    const q = (query.get('q') ?? '').trim().slice(0, APP_SEARCH_TEXT_MAX).trim();
    // Encoded as the app encodes its params (src/lib/query-string.ts): the app finds the answer by its URL.
    return q ? [`/api/search?q=${encodeURIComponent(q)}&pageSize=${APP_SEARCH_PAGE_SIZE}&page=1`] : [];
  }
  const code = query.get('code') ?? '';
  // The guide, and the working-day calendar its expected completion date is counted on.
  if (page === 'search/guide/index' && /^[A-Za-z0-9_-]{1,64}$/.test(code))
    return [`/api/items/${code}`, '/api/calendar'];
  return [];
}

/** The element the app reads written-in answers from (src/core/http/page-data.ts). */
const PAGE_DATA_ELEMENT_ID = 'page-data';

/**
 * Answers as JSON text keyed by URL, safe inside <script>: `<` only ever occurs inside JSON
 * strings, where \u003c means the same, so no `</script>` can close the element early.
 */
function pageDataScript(answers: [url: string, body: string][]): string {
  const json = `{${answers.map(([url, body]) => `${JSON.stringify(url)}:${body}`).join(',')}}`;
  return `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${json.replace(/</g, '\\u003c')}</script>`;
}

type PageAssets = Record<string, { js?: string[]; css?: string[] }>;

/**
 * index.html, made for the page asked for: its lazily loaded chunks (from page-assets.json,
 * written by the H5 build) hinted, its first API answers written in. Files are re-read only when
 * the build changes them.
 */
export class IndexPage {
  private cached?: { stamp: string; html: string; assets: PageAssets };
  /** The policy of the page last read; undefined until asked, or while no app is built. */
  private policy?: string;

  constructor(private readonly staticDir: string) {}

  private load(): { html: string; assets: PageAssets } {
    const indexFile = path.join(this.staticDir, 'index.html');
    const assetsFile = path.join(this.staticDir, 'page-assets.json');
    const stamp = [indexFile, assetsFile].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)).join(':');
    if (this.cached?.stamp !== stamp) {
      let assets: PageAssets = {};
      try {
        assets = JSON.parse(fs.readFileSync(assetsFile, 'utf8')) as PageAssets;
      } catch {
        // An older build without the manifest: the page still works, without hints.
      }
      const html = fs.readFileSync(indexFile, 'utf8');
      this.cached = { stamp, html, assets };
      this.policy = contentSecurityPolicy(inlineHashes(html));
    }
    return this.cached;
  }

  /**
   * The policy for the build last read. Asked on every answer, so it costs no file access once
   * known: a page (the one answer the policy governs) reads the build first and sets it again.
   */
  contentSecurityPolicy(): string {
    if (this.policy === undefined && fs.existsSync(path.join(this.staticDir, 'index.html'))) this.load();
    return this.policy ?? NOT_BUILT_POLICY;
  }

  /**
   * The page asked for, with preload hints for its own chunks and the answers to its first API
   * calls written in (asked of this gateway in-process). Without them the browser learns of the
   * chunks only after app.js has run, and the first screen waits for a loading state, a request
   * and a second render; with them, the app draws the content in its first render. An answer
   * that is not a 200 is left out: the app then asks itself, and shows what it gets.
   */
  async render(app: FastifyInstance, url: string): Promise<string> {
    const { html, assets } = this.load();
    const [pathname, search = ''] = url.split('?');
    const page = pathname.replace(/^\/+|\/+$/g, '').replace(/^index\.html$/, '') || 'search/home/index';
    const own = assets[page];
    const head = [
      ...(own?.css ?? []).map((f) => `<link rel="preload" as="style" href="/${f}">`),
      ...(own?.js ?? []).map((f) => `<link rel="preload" as="script" href="/${f}">`),
    ];
    const answers = await Promise.all(
      dataFor(page, new URLSearchParams(search)).map(async (apiUrl): Promise<[string, string] | undefined> => {
        const res = await app.inject({ method: 'GET', url: apiUrl, headers: { accept: 'application/json' } });
        return res.statusCode === 200 && res.headers['content-type']?.toString().startsWith('application/json')
          ? [apiUrl, res.body]
          : undefined;
      }),
    );
    const written = answers.filter((a): a is [string, string] => a !== undefined);
    if (written.length > 0) head.push(pageDataScript(written));
    return head.length > 0 ? html.replace('</head>', `${head.join('')}</head>`) : html;
  }
}

function methodNotAllowed(request: FastifyRequest, reply: FastifyReply, allowed: string[]): FastifyReply {
  const message = `该地址不支持 ${request.method} 请求方法，请使用 ${allowed.join('、')}`;
  return reply
    .code(405)
    .header('allow', allowed.join(', '))
    .send(errorEnvelope(request, { code: 'BAD_REQUEST', message, fields: [{ field: 'method', message }] }));
}

function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

/**
 * Serves the built H5 app with an SPA fallback: the app uses browser-history routes
 * (/search/guide/index?code=…), so any GET that is not an API call and not a file gets
 * index.html. Paths that look like files (have an extension) get a real 404 instead, so a
 * missing script fails visibly rather than as HTML parsed as JavaScript.
 */
export async function registerStaticSite(
  app: FastifyInstance,
  staticDir: string,
  {
    indexPage = new IndexPage(staticDir),
    allowedMethods = () => [],
  }: {
    indexPage?: IndexPage;
    /** The methods an API path answers, for 405 (see http/route-methods). */
    allowedMethods?: (path: string) => string[];
  } = {},
): Promise<void> {
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ staticDir }, 'H5 app not built yet: run `npm run build:h5` (the API works without it)');
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    wildcard: true,
    // `/` is a page like any other: it gets the page's hints in the fallback below.
    allowedPath: (pathName) => pathName !== '/' && pathName !== '/index.html',
    cacheControl: false,
    // The H5 build writes .br and .gz beside each script and stylesheet, compressed harder than
    // compressing per request can afford; a file without them is compressed on the fly.
    preCompressed: true,
    // Taro names files under js/ and css/ by content hash: they never change, so cache them for a year.
    setHeaders: (res, filePath) => {
      const rel = path.relative(staticDir, filePath).split(path.sep).join('/');
      res.setHeader('cache-control', /^(js|css)\//.test(rel) ? LONG_CACHE : 'no-cache');
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0];
    if (isApiPath(urlPath)) {
      const allowed = allowedMethods(urlPath);
      // A path the router could not match for its own method (an over-long parameter) is no route.
      if (allowed.length > 0 && !allowed.includes(request.method)) return methodNotAllowed(request, reply, allowed);
      return reply.code(404).send(errorEnvelope(request, { code: 'NOT_FOUND', message: '没有这个接口' }));
    }
    // Every other path is a page or a file, read with GET (and HEAD).
    if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(request, reply, ['GET', 'HEAD']);
    const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    if (/\.[A-Za-z0-9]+$/.test(lastSegment) && urlPath !== '/index.html') {
      return reply.code(404).send(errorEnvelope(request, { code: 'NOT_FOUND', message: '未找到该文件' }));
    }
    if (!fs.existsSync(indexFile)) {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    const html = await indexPage.render(app, request.url);
    // Rendering read the build: a new one brings new inline-script hashes.
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', indexPage.contentSecurityPolicy())
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
