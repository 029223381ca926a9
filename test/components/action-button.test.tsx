import { fireEvent, render, screen } from '@testing-library/react';
import { ActionButton } from '@/ui/action-button';

test('a tap runs the action once per tap', () => {
  const onClick = jest.fn();
  render(<ActionButton onClick={onClick}>加载更多</ActionButton>);
  fireEvent.click(screen.getByText('加载更多'));
  fireEvent.click(screen.getByText('加载更多'));
  expect(onClick).toHaveBeenCalledTimes(2);
});

test('while its work is under way, taps are ignored and it says it is busy', () => {
  const onClick = jest.fn();
  const { container } = render(
    <ActionButton variant='primary' loading onClick={onClick}>
      正在加载…
    </ActionButton>,
  );
  fireEvent.click(screen.getByText('正在加载…'));
  expect(onClick).not.toHaveBeenCalled();
  const button = container.querySelector('.action-button');
  expect(button?.getAttribute('aria-busy')).toBe('true');
  expect(button?.classList.contains('action-button--primary')).toBe(true);
});

describe('on H5', () => {
  const platform = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
  });
  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  test('it is an element with the button role, and busy, it shows a spinner and ignores taps', () => {
    const onClick = jest.fn();
    const { container, rerender } = render(
      <ActionButton pressed onClick={onClick}>
        ★ 已收藏
      </ActionButton>,
    );
    const button = screen.getByRole('button', { name: '★ 已收藏' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('taro-button-core')).toBeNull();
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);

    rerender(
      <ActionButton loading onClick={onClick}>
        正在加载…
      </ActionButton>,
    );
    fireEvent.click(screen.getByRole('button', { name: '正在加载…' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.action-button__spinner')).not.toBeNull();
  });
});
