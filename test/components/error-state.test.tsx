import { fireEvent, render, screen } from '@testing-library/react';
import { ApiError } from '@/core/http/api-error';
import { ErrorState } from '@/ui/error-state';

test('shows the gateway message in Chinese and retries on tap', () => {
  const onRetry = jest.fn();
  render(<ErrorState error={new ApiError({ code: 'NETWORK' })} onRetry={onRetry} />);
  expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  fireEvent.click(screen.getByText('重试'));
  expect(onRetry).toHaveBeenCalledTimes(1);
});

test('an unexpected error still gets a plain message, never a stack trace', () => {
  render(<ErrorState error={new TypeError('x is undefined')} />);
  expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeTruthy();
  expect(screen.queryByText(/undefined/)).toBeNull();
  expect(screen.queryByText('重试')).toBeNull();
});
