import { act, render, renderHook, screen } from '@testing-library/react';
import { InlineNotice, useNotice } from '@/ui/inline-notice';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('an info notice goes after a while, unless told to stay; an error stays until the next notice', () => {
  const { result } = renderHook(() => useNotice(4000));
  act(() => result.current[1]('链接已复制，可粘贴分享'));
  expect(result.current[0]).toEqual({ text: '链接已复制，可粘贴分享', tone: 'info' });
  act(() => jest.advanceTimersByTime(4000));
  expect(result.current[0]).toBeUndefined();

  act(() => result.current[1]('请复制链接分享：https://example.cn/a', 'info', true));
  act(() => jest.advanceTimersByTime(60_000));
  expect(result.current[0]?.text).toBe('请复制链接分享：https://example.cn/a');

  act(() => result.current[1]('收藏未成功：网络连接失败', 'error'));
  act(() => jest.advanceTimersByTime(60_000));
  expect(result.current[0]).toEqual({ text: '收藏未成功：网络连接失败', tone: 'error' });

  // A new info notice replaces the error and goes in its turn.
  act(() => result.current[1]('已收藏，可在“我的收藏”中找到'));
  act(() => jest.advanceTimersByTime(4000));
  expect(result.current[0]).toBeUndefined();
});

test('screen readers hear an info notice politely and an error at once; no notice, nothing drawn', () => {
  const { container, rerender } = render(<InlineNotice notice={{ text: '已取消收藏', tone: 'info' }} />);
  expect(screen.getByRole('status').textContent).toBe('已取消收藏');
  rerender(<InlineNotice notice={{ text: '收藏未成功：请稍后再试', tone: 'error' }} />);
  expect(screen.getByRole('alert').textContent).toBe('收藏未成功：请稍后再试');
  rerender(<InlineNotice />);
  expect(container.textContent).toBe('');
});
