import { ApiError } from '@/core/http/api-error';
// The H5 variant itself: Taro picks `.h5.ts` for H5 builds; jest resolves names as written.
import { loadAxiosClient } from '@/core/http/load-axios-client.h5';

let mockFailuresLeft = 1;
jest.mock('@/core/http/axios-client', () => {
  if (mockFailuresLeft > 0) {
    mockFailuresLeft -= 1;
    throw new Error('ChunkLoadError: Loading chunk 954 failed.');
  }
  return { request: jest.fn(), refreshTokens: jest.fn() };
});

test('a client that cannot be fetched is a network error, and the next request fetches it again', async () => {
  const first = await loadAxiosClient().catch((error: unknown) => error);
  expect(first).toBeInstanceOf(ApiError);
  expect((first as ApiError).code).toBe('NETWORK');
  const client = await loadAxiosClient();
  expect(typeof client.request).toBe('function');
  // Fetched once, then kept.
  expect(await loadAxiosClient()).toBe(client);
});

test('the first tap, key or focus starts fetching the client before any request needs it', async () => {
  jest.resetModules();
  mockFailuresLeft = 0;
  const requireSpy = jest.fn();
  jest.doMock('@/core/http/axios-client', () => {
    requireSpy();
    return { request: jest.fn(), refreshTokens: jest.fn() };
  });
  jest.requireActual('@/core/http/load-axios-client.h5');
  await Promise.resolve();
  expect(requireSpy).not.toHaveBeenCalled();
  window.dispatchEvent(new Event('touchstart'));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(requireSpy).toHaveBeenCalledTimes(1);
  // Once: later interactions do not fetch again.
  window.dispatchEvent(new Event('keydown'));
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(requireSpy).toHaveBeenCalledTimes(1);
});
