import { act, renderHook } from '@testing-library/react';
import { useSearchText } from '@/search/results/use-search-text';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

test('typing searches once, 300 ms after the last keystroke, with the text trimmed', () => {
  const settled = jest.fn();
  const { result } = renderHook(() => useSearchText(300, settled));
  act(() => result.current.type('h'));
  act(() => jest.advanceTimersByTime(200));
  act(() => result.current.type('hk '));
  act(() => jest.advanceTimersByTime(299));
  expect(result.current.text).toBe('hk ');
  expect(result.current.q).toBe('');
  expect(settled).not.toHaveBeenCalled();
  act(() => jest.advanceTimersByTime(1));
  // The request goes first; the page redraws for the new query in the next task.
  expect(settled).toHaveBeenCalledTimes(1);
  expect(settled).toHaveBeenCalledWith('hk');
  expect(result.current.q).toBe('');
  act(() => jest.runOnlyPendingTimers());
  expect(result.current.q).toBe('hk');
  expect(settled).toHaveBeenCalledTimes(1);
});

test('a keystroke between the request and the redraw wins: the query follows the text', () => {
  const settled = jest.fn();
  const { result } = renderHook(() => useSearchText(300, settled));
  act(() => result.current.type('hk'));
  act(() => jest.advanceTimersByTime(300));
  expect(settled).toHaveBeenLastCalledWith('hk');
  act(() => result.current.type('hkq'));
  act(() => jest.advanceTimersByTime(299));
  expect(result.current.q).toBe('');
  act(() => jest.advanceTimersByTime(1));
  act(() => jest.runOnlyPendingTimers());
  expect(result.current.q).toBe('hkq');
});

test('a chosen query (chip, 清除, handed over) searches at once and cancels pending typing', () => {
  const settled = jest.fn();
  const { result } = renderHook(() => useSearchText(300, settled));
  act(() => result.current.type('户'));
  act(() => result.current.choose('户口迁移'));
  expect(result.current.q).toBe('户口迁移');
  act(() => jest.advanceTimersByTime(1000));
  // The keystroke's timer was cancelled: the query is still the chosen one.
  expect(result.current.q).toBe('户口迁移');
  expect(settled).not.toHaveBeenCalled();
  act(() => result.current.choose(''));
  expect(result.current.text).toBe('');
  expect(result.current.q).toBe('');
});

test('leaving the page mid-typing sends nothing', () => {
  const settled = jest.fn();
  const { result, unmount } = renderHook(() => useSearchText(300, settled));
  act(() => result.current.type('hkqy'));
  unmount();
  jest.advanceTimersByTime(1000);
  expect(settled).not.toHaveBeenCalled();
});
