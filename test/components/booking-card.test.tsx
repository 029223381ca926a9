import { fireEvent, render, screen } from '@testing-library/react';
import type { Booking } from '@contract/booking';
import { BookingCard } from '@/visit/booking-card';

const at = (iso: string) => Date.parse(iso);

const booking: Booking = {
  id: 'b1',
  itemCode: 'HS-CL-0001',
  itemName: '残疾人证办理',
  hallId: 'hs-zwfw-center',
  hallName: '洪山区政务服务中心',
  date: '2026-12-08',
  start: '09:30',
  end: '10:00',
  startsAt: '2026-12-08T09:30:00+08:00',
  status: 'booked',
  caseId: null,
  cancellableUntil: '2026-12-08T07:30:00+08:00',
  checkInFrom: '2026-12-08T09:00:00+08:00',
  checkInUntil: '2026-12-08T10:00:00+08:00',
  ticket: null,
  createdAt: '2026-12-07T10:00:00+08:00',
};

function renderCard(now: string, b: Booking = booking) {
  const handlers = { onCancel: jest.fn(), onCheckIn: jest.fn(), onOpenTicket: jest.fn() };
  render(<BookingCard booking={b} now={at(now)} {...handlers} />);
  return handlers;
}

test('the day before: 已预约, when and where, 取消预约, and from when 取号 opens', () => {
  const { onCancel } = renderCard('2026-12-07T12:00:00+08:00');
  expect(screen.getByText('已预约')).toBeTruthy();
  expect(screen.getByText('2026年12月8日 周二 09:30–10:00')).toBeTruthy();
  expect(screen.getByText('洪山区政务服务中心')).toBeTruthy();
  expect(screen.getByText('09:00 起可凭预约取号；提前到达可在大厅扫码取号。')).toBeTruthy();
  expect(screen.queryByText('取号')).toBeNull();
  fireEvent.click(screen.getByText('取消预约'));
  expect(onCancel).toHaveBeenCalledWith(booking);
});

test('less than 2 hours before: no 取消预约, and why', () => {
  renderCard('2026-12-08T08:00:00+08:00');
  expect(screen.queryByText('取消预约')).toBeNull();
  expect(screen.getByText(/距时段开始已不足 2 小时，不能再取消/)).toBeTruthy();
});

test('within 30 minutes of the slot: 取号', () => {
  const { onCheckIn } = renderCard('2026-12-08T09:05:00+08:00');
  fireEvent.click(screen.getByText('取号'));
  expect(onCheckIn).toHaveBeenCalledWith(booking);
});

test('numbered: 已取号 with the number and the way to the queue', () => {
  const ticket = { id: 't1', number: 'A001' } as Booking['ticket'];
  const { onOpenTicket } = renderCard('2026-12-08T09:05:00+08:00', { ...booking, status: 'checked_in', ticket });
  expect(screen.getByText('已取号')).toBeTruthy();
  expect(screen.getByText('号码：A001')).toBeTruthy();
  fireEvent.click(screen.getByText('查看排队进度'));
  expect(onOpenTicket).toHaveBeenCalledWith('t1');
});

test('past ones say what became of them, with nothing to do', () => {
  renderCard('2026-12-09T12:00:00+08:00', { ...booking, status: 'no_show', cancellableUntil: null });
  expect(screen.getByText('爽约')).toBeTruthy();
  expect(screen.queryByText('取消预约')).toBeNull();
  expect(screen.queryByText(/不能再取消/)).toBeNull();
});
