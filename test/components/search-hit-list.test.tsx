import { render, screen } from '@testing-library/react';
import type { SearchHit } from '@contract/search';
import { SearchHitList } from '@/search/results/search-hit-list';

const item = {
  code: 'HS-GA-0001',
  name: '户口迁移',
  departmentId: 'gongan',
  departmentName: '洪山区公安分局',
  audiences: ['person' as const],
  itemType: '行政确认',
  tags: { fullyOnline: true, maxOneVisit: true, scope: 'cross-province' as const },
  legalDays: 20,
  promisedDays: 5,
};

test('renders each hit with its highlighted characters, department, time limit and tags', () => {
  const hits: SearchHit[] = [{ item, matchedField: 'name', nameHighlights: [[0, 2]] }];
  const { container } = render(<SearchHitList hits={hits} />);
  const highlighted = container.querySelectorAll('.hl');
  expect(highlighted).toHaveLength(1);
  expect(highlighted[0].textContent).toBe('户口');
  expect(container.querySelector('.item-card__name')?.textContent).toBe('户口迁移');
  expect(container.querySelector('.item-card__meta')?.textContent).toBe('洪山区公安分局 · 个人 · 承诺5个工作日');
  expect(screen.getByText('全程网办')).toBeTruthy();
  expect(screen.getByText('最多跑一次')).toBeTruthy();
  expect(screen.getByText('跨省通办')).toBeTruthy();
});

test('says why an item matched when the match was not on its name', () => {
  const hits: SearchHit[] = [
    { item, matchedField: 'alias', nameHighlights: [], matchedText: '迁户口', matchedTextHighlights: [[0, 3]] },
  ];
  const { container } = render(<SearchHitList hits={hits} />);
  expect(container.querySelector('.item-card__match')?.textContent).toBe('又称：迁户口');
  expect(container.querySelector('.item-card__match .hl')?.textContent).toBe('迁户口');
  expect(container.querySelector('.item-card__name .hl')).toBeNull();
});

test('an item that is neither fully online nor 通办 shows no tags', () => {
  const plain = { ...item, tags: { fullyOnline: false, maxOneVisit: false, scope: 'none' as const }, promisedDays: 0 };
  const { container } = render(<SearchHitList hits={[{ item: plain, matchedField: 'name', nameHighlights: [] }]} />);
  expect(container.querySelector('.tags')).toBeNull();
  expect(screen.getByText(/承诺即办/)).toBeTruthy();
});
