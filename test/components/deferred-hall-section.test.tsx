import { act, render, screen } from '@testing-library/react';
import type { Hall } from '@contract/catalogue';
// The H5 variant itself: Taro picks `.h5.tsx` for H5 builds; jest resolves names as written.
import { DeferredHallSection } from '@/search/guide/deferred-hall-section.h5';

const hall: Hall = {
  id: 'hs-zwfw-center',
  name: '洪山区政务服务中心',
  kind: 'hall',
  address: '武汉市洪山区雄楚大道',
  phone: '027-87318110',
  latitude: 30.5,
  longitude: 114.3,
  open24h: false,
  followsWorkdayCalendar: true,
  hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }],
  note: '',
};

type Observed = { callback: IntersectionObserverCallback; options?: IntersectionObserverInit };
let observers: Observed[] = [];

class FakeIntersectionObserver {
  constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
    observers.push({ callback, options });
  }
  observe() {}
  disconnect() {}
}

afterEach(() => {
  observers = [];
  delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
});

function enterView() {
  for (const { callback } of observers) {
    callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver);
  }
}

test('waits below the fold, then draws the halls once the reader comes within a screen of them', async () => {
  (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeIntersectionObserver;
  render(<DeferredHallSection halls={[hall]} />);
  expect(screen.getByText('办理地点')).toBeTruthy();
  expect(screen.getByText('正在加载办理地点…')).toBeTruthy();
  expect(screen.queryByText('洪山区政务服务中心')).toBeNull();
  expect(observers[0].options?.rootMargin).toBe('100% 0px');

  await act(async () => enterView());
  expect(await screen.findByText('洪山区政务服务中心')).toBeTruthy();
  expect(screen.getByRole('list', { name: '办理地点' })).toBeTruthy();
  expect(screen.queryByText('正在加载办理地点…')).toBeNull();
});

test('without IntersectionObserver the halls load at once', async () => {
  render(<DeferredHallSection halls={[hall]} />);
  expect(await screen.findByText('洪山区政务服务中心')).toBeTruthy();
});
