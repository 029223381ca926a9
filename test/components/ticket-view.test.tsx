import { fireEvent, render, screen } from '@testing-library/react';
import type { HallTicket } from '@contract/booking';
import { TicketView } from '@/visit/ticket-view';

const base: HallTicket = {
  id: 't1',
  number: 'A012',
  kind: 'booked',
  hallId: 'hs-zwfw-center',
  hallName: '洪山区政务服务中心',
  date: '2026-12-08',
  itemCode: 'HS-GA-0009',
  itemName: '居住证申领',
  bookingId: 'b1',
  status: 'waiting',
  ahead: 2,
  window: null,
  issuedAt: '2026-12-08T09:01:00+08:00',
  calledAt: null,
  visitId: null,
  version: 3,
};

test('waiting: the number, 等候中 and the people ahead', () => {
  render(<TicketView ticket={base} />);
  expect(screen.getByText('A012')).toBeTruthy();
  expect(screen.getByRole('status').textContent).toContain('等候中');
  expect(screen.getByText('前面还有 2 人')).toBeTruthy();
  expect(screen.getByText('大厅：洪山区政务服务中心')).toBeTruthy();
  expect(screen.queryByText('网络不稳定，正在重试')).toBeNull();
});

test('next in line says so', () => {
  render(<TicketView ticket={{ ...base, ahead: 0 }} />);
  expect(screen.getByText('下一位就是您，请留意叫号')).toBeTruthy();
});

test('called: which window to go to', () => {
  render(
    <TicketView
      ticket={{ ...base, status: 'called', ahead: 0, window: { code: 'HS-ZW-A01', name: '综合受理窗口A01' } }}
    />,
  );
  expect(screen.getByRole('status').textContent).toContain('请到 综合受理窗口A01 办理');
  expect(screen.queryByText(/前面还有/)).toBeNull();
});

test('served with a visit: 已办理 and the way to rate it', () => {
  const onRate = jest.fn();
  render(<TicketView ticket={{ ...base, status: 'served', ahead: 0, visitId: 'v1' }} onRate={onRate} />);
  expect(screen.getByRole('status').textContent).toContain('已办理');
  fireEvent.click(screen.getByText('评价本次服务'));
  expect(onRate).toHaveBeenCalled();
});

test('no-show: 已过号 and what to do', () => {
  render(<TicketView ticket={{ ...base, status: 'no_show', ahead: 0 }} />);
  expect(screen.getByRole('status').textContent).toContain('已过号');
  expect(screen.getByText('叫号时未到窗口，请重新取号')).toBeTruthy();
  expect(screen.queryByText('评价本次服务')).toBeNull();
});

test('a dropped network keeps the last state with a quiet note', () => {
  render(<TicketView ticket={base} shaky />);
  expect(screen.getByText('A012')).toBeTruthy();
  expect(screen.getByText('网络不稳定，正在重试')).toBeTruthy();
});
