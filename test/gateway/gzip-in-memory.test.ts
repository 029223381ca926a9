import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { SearchResult } from '../../types/contract';
import { acceptsGzip } from '../../gateway/src/http/gzip-in-memory';
import { expectOk, startGateway, type TestGateway } from './support/harness';

/** The raw answer, undecoded (fetch would gunzip it behind our back). */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

describe('gzip of answers held in memory', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(async () => {
    await gw.close();
  });

  it('gzips a search answer for a client that accepts gzip, and it decodes to the same answer', async () => {
    const plain = await rawGet(`${gw.base}/api/search?pageSize=50`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const zipped = await rawGet(`${gw.base}/api/search?pageSize=50`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(String(zipped.headers.vary)).toMatch(/accept-encoding/i);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    const decoded = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as { data: unknown };
    const expected = JSON.parse(plain.body.toString('utf8')) as { data: unknown };
    expect(decoded.data).toEqual(expected.data);
    expectOk({ status: 200, headers: new Headers(), body: decoded, text: '' }, SearchResult);
  });

  it('sends it plain to a client that refuses gzip or names none', async () => {
    for (const acceptEncoding of ['gzip;q=0', 'identity', '']) {
      const res = await rawGet(`${gw.base}/api/search?pageSize=50`, { 'accept-encoding': acceptEncoding });
      expect({ acceptEncoding, encoding: res.headers['content-encoding'] }).toEqual({
        acceptEncoding,
        encoding: undefined,
      });
      expect(() => JSON.parse(res.body.toString('utf8'))).not.toThrow();
    }
  });

  it('leaves small answers alone: a header would cost more than it saves', async () => {
    const res = await rawGet(`${gw.base}/api/search/suggest?q=zzzz`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip; q=0.0, *', false],
    ['*;q=0', false],
    ['br', false],
    ['identity', false],
    ['', false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it('reads a header sent twice', () => {
    expect(acceptsGzip(['br', 'gzip'])).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
