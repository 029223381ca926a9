import { fireEvent, render, screen } from '@testing-library/react';
import type { BookingHall } from '@contract/booking';
import { SlotPicker, type SlotChoice } from '@/visit/slot-picker';
import { SuspensionNotice } from '@/visit/suspension-notice';

const slot = (start: string, end: string, remaining: number) => ({
  start,
  end,
  startsAt: `2026-12-08T${start}:00+08:00`,
  capacity: 4,
  remaining,
});

const hall: BookingHall = {
  hallId: 'hs-zwfw-center',
  hallName: '洪山区政务服务中心',
  address: '武汉市洪山区珞喻路',
  days: [{ date: '2026-12-08', slots: [slot('09:00', '09:30', 0), slot('09:30', '10:00', 3)] }],
  closedDays: [{ date: '2026-12-09', reason: '消防检查' }],
};
const second: BookingHall = { ...hall, hallId: 'hs-street', hallName: '珞南街便民服务中心', closedDays: [] };

function renderPicker(choice: SlotChoice, halls = [hall]) {
  const onChange = jest.fn();
  render(<SlotPicker halls={halls} choice={choice} onChange={onChange} />);
  return onChange;
}

test('a closed day is shown with its reason and cannot be chosen; an open day can', () => {
  const onChange = renderPicker({ hallId: hall.hallId });
  const closed = screen.getByRole('radio', { name: /12月9日.*不办公：消防检查/ });
  expect(closed.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(closed);
  expect(onChange).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('radio', { name: /12月8日.*可预约/ }));
  expect(onChange).toHaveBeenCalledWith({ hallId: hall.hallId, date: '2026-12-08' });
});

test('a full slot says 已满 and cannot be chosen; a slot with seats says 余 N', () => {
  const onChange = renderPicker({ hallId: hall.hallId, date: '2026-12-08' });
  const full = screen.getByRole('radio', { name: /09:00–09:30.*已满/ });
  expect(full.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(full);
  expect(onChange).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('radio', { name: /09:30–10:00.*余 3/ }));
  expect(onChange).toHaveBeenCalledWith({
    hallId: hall.hallId,
    date: '2026-12-08',
    slotStart: '2026-12-08T09:30:00+08:00',
  });
});

test('with several halls the hall is chosen first; slots wait for a day', () => {
  const onChange = renderPicker({}, [hall, second]);
  expect(screen.queryByRole('radiogroup', { name: '选择日期' })).toBeNull();
  fireEvent.click(screen.getByRole('radio', { name: /珞南街便民服务中心/ }));
  expect(onChange).toHaveBeenCalledWith({ hallId: 'hs-street' });
});

test('the chosen slot is marked in words as well as colour', () => {
  renderPicker({ hallId: hall.hallId, date: '2026-12-08', slotStart: '2026-12-08T09:30:00+08:00' });
  expect(screen.getByRole('radio', { name: /✓ 09:30–10:00/ }).getAttribute('aria-checked')).toBe('true');
});

test('a suspension says until when and how many no-shows', () => {
  render(<SuspensionNotice suspension={{ until: '2027-01-04', noShows: 3 }} />);
  expect(screen.getByRole('alert').textContent).toContain('预约功能暂停至2027年1月4日（含当天），90天内爽约3次');
});

test('no suspension, no notice', () => {
  const { container } = render(<SuspensionNotice suspension={null} />);
  expect(container.innerHTML).toBe('');
});
