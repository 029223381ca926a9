import { render, screen } from '@testing-library/react';
import type { Material } from '@contract/catalogue';
import { MaterialList } from '@/search/guide/material-list';

const materials: Material[] = [
  {
    id: 'm1',
    name: '居民身份证',
    form: 'original',
    copies: 1,
    necessity: 'required',
    reviewPoints: '核验原件，证件在有效期内',
    source: '申请人自备',
    eLicenceAccepted: true,
    commitmentAllowed: false,
  },
  {
    id: 'm2',
    name: '经营场所使用证明',
    form: 'copy',
    copies: 2,
    necessity: 'conditional',
    reviewPoints: '',
    source: '',
    eLicenceAccepted: false,
    commitmentAllowed: true,
  },
];

test('shows each material with its form, copies, necessity, 审查要点 and what may replace it', () => {
  const { container } = render(<MaterialList materials={materials} />);
  const rows = container.querySelectorAll('.material');
  expect(rows).toHaveLength(2);
  expect(rows[0].textContent).toContain('1. 居民身份证');
  expect(rows[0].textContent).toContain('原件 · 1份 · 必要 · 来源：申请人自备');
  expect(rows[0].textContent).toContain('审查要点：核验原件，证件在有效期内');
  expect(rows[0].textContent).toContain('可用电子证照');
  expect(rows[0].textContent).not.toContain('可告知承诺代替');
  expect(rows[1].textContent).toContain('复印件 · 2份 · 视情况提供');
  expect(rows[1].textContent).toContain('可告知承诺代替');
  expect(rows[1].textContent).not.toContain('审查要点');
});

test('an item without materials says so', () => {
  render(<MaterialList materials={[]} />);
  expect(screen.getByText('无需提交材料')).toBeTruthy();
});
