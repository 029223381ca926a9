import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { errorEnvelope } from '../http/envelope';

const LONG_CACHE = 'public, max-age=31536000, immutable';

/** Shown at `/` (and every app route) until the H5 app has been built. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>洪山掌上办</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.7;color:#1f2937">
<h1 style="color:#1d4ed8">洪山掌上办网关已启动，H5 应用尚未构建</h1>
<p>没有找到构建好的 H5 页面。请在项目根目录运行：</p>
<pre style="background:#f3f4f6;padding:.75em 1em;border-radius:6px">npm run build:h5</pre>
<p>构建完成后刷新本页即可。接口仍可正常使用，接口说明见 <a href="/api/openapi.json">/api/openapi.json</a>。</p>
</body>
</html>`;

function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/');
}

/**
 * Serves the built H5 app with an SPA fallback: the app uses browser-history routes
 * (/search/guide/index?code=…), so any GET that is not an API call and not a file gets
 * index.html. Paths that look like files (have an extension) get a real 404 instead, so a
 * missing script fails visibly rather than as HTML parsed as JavaScript.
 */
export async function registerStaticSite(app: FastifyInstance, staticDir: string): Promise<void> {
  const indexFile = path.join(staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ staticDir }, 'H5 app not built yet: run `npm run build:h5` (the API works without it)');
  }
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    wildcard: true,
    cacheControl: false,
    // Taro names files under js/ and css/ by content hash: they never change, so cache them for a year.
    setHeaders: (res, filePath) => {
      const rel = path.relative(staticDir, filePath).split(path.sep).join('/');
      res.setHeader('cache-control', /^(js|css)\//.test(rel) ? LONG_CACHE : 'no-cache');
    },
  });

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const urlPath = request.url.split('?')[0];
    if (isApiPath(urlPath)) {
      return reply.code(404).send(errorEnvelope(request, { code: 'NOT_FOUND', message: '没有这个接口' }));
    }
    const lastSegment = urlPath.slice(urlPath.lastIndexOf('/') + 1);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || /\.[A-Za-z0-9]+$/.test(lastSegment)) {
      return reply.code(404).type('text/plain; charset=utf-8').send('未找到该文件');
    }
    if (!fs.existsSync(indexFile)) {
      return reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_BUILT_PAGE);
    }
    return reply.sendFile('index.html');
  });
}
