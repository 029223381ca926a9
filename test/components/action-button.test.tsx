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
