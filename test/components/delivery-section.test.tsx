import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { Delivery } from '@contract/prereview';
import { checkForm } from '@/lib/application-check';
import { DeliverySection } from '@/prereview/delivery-section';
import { typeInto } from '../support/nut-form';

type Shown = { delivery?: Delivery; errors?: Record<string, string>; postAvailable?: boolean };

/** The section as the editor draws it: the draft holds the delivery, every change goes back to it. */
function renderSection({ delivery, errors = {}, postAvailable = true }: Shown = {}) {
  const changes: Delivery[] = [];
  function Editor() {
    const [value, setValue] = useState<Delivery | undefined>(delivery);
    return (
      <DeliverySection
        delivery={value}
        postAvailable={postAvailable}
        errors={errors}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(<Editor />);
  return changes;
}

const radio = (name: RegExp) => screen.getByRole('radio', { name });

test('choosing 邮寄 shows the three address fields, each a NutUI input named by its label', () => {
  renderSection({ delivery: { method: 'pickup' } });
  expect(document.querySelector('.nut-input')).toBeNull();
  fireEvent.click(radio(/邮寄送达/));
  for (const label of ['收件人', '收件人电话', '邮寄地址']) {
    expect(screen.getByText(label)).toBeTruthy();
    const input = document.querySelector(`taro-input-core[placeholder="请输入${label}"]`);
    expect(input?.closest('.nut-input')).not.toBeNull();
    expect(input?.getAttribute('aria-label')).toBe(label);
  }
});

test('what is typed goes to the draft, and switching to 自取 and back keeps the address', () => {
  const changes = renderSection({ delivery: { method: 'pickup' } });
  fireEvent.click(radio(/邮寄送达/));
  typeInto('请输入收件人', '王芳');
  typeInto('请输入收件人电话', '13700004444');
  typeInto('请输入邮寄地址', '洪山区珞喻路 1037 号');
  expect(changes.at(-1)).toEqual({
    method: 'post',
    recipient: '王芳',
    mobile: '13700004444',
    address: '洪山区珞喻路 1037 号',
  });
  fireEvent.click(radio(/窗口自取/));
  fireEvent.click(radio(/邮寄送达/));
  expect(changes.at(-1)).toMatchObject({ recipient: '王芳', address: '洪山区珞喻路 1037 号' });
});

test("the application check's messages show under their fields", () => {
  const delivery: Delivery = { method: 'post', recipient: '', mobile: '1370000', address: '洪山' };
  const fields = checkForm(
    { applicantTypes: ['person'], postAvailable: true },
    { applicantType: 'person', address: '洪山区珞喻路 1037 号', delivery },
    new Date('2026-12-05T08:00:00+08:00'),
  );
  const errors = Object.fromEntries(fields.map((f) => [f.field, f.message]));
  renderSection({ delivery, errors });
  expect(screen.getByText('请填写收件人')).toBeTruthy();
  expect(screen.getByText('收件人手机号应为 11 位中国大陆手机号')).toBeTruthy();
  expect(errors['form.delivery.address']).toMatch(/收件地址/);
  expect(screen.getByText(errors['form.delivery.address'] ?? '(none)')).toBeTruthy();
});

test('where the item is not mailed, 邮寄 cannot be chosen', () => {
  const changes = renderSection({ delivery: undefined, postAvailable: false });
  const post = radio(/该事项不提供/);
  expect(post.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(post);
  expect(changes).toEqual([]);
  expect(document.querySelector('.nut-input')).toBeNull();
});
