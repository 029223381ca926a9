import { fireEvent, waitFor } from '@testing-library/react';

/**
 * Driving a NutUI form in jsdom as a person would: Taro's H5 input is a web component that jsdom
 * does not run, so typing is the event it would send (its `detail.value`, which NutUI's Input reads).
 */
export function typeInto(placeholder: string, value: string): void {
  const input = document.querySelector(`taro-input-core[placeholder="${placeholder}"]`);
  if (!input) throw new Error(`no input with placeholder ${placeholder}`);
  fireEvent(input, new CustomEvent('input', { detail: { value } }));
  fireEvent(input, new CustomEvent('blur', { detail: { value } }));
}

/** The Form.Item labelled so (its label without the required star). */
function fieldNamed(label: string): Element {
  const item = Array.from(document.querySelectorAll('.nut-form-item')).find(
    (el) => el.querySelector('.nut-form-item-labeltxt')?.textContent?.replace('*', '').trim() === label,
  );
  if (!item) throw new Error(`no form field labelled ${label}`);
  return item;
}

/** The message shown under a field, or '' when it shows none. */
export function messageUnder(label: string): string {
  const tips = fieldNamed(label).querySelector<HTMLElement>('.nut-form-item-body-tips');
  if (!tips || tips.style.display === 'none') return '';
  return tips.textContent ?? '';
}

/** Waits until the field shows exactly this message ('' for none). */
export async function expectMessageUnder(label: string, message: string): Promise<void> {
  await waitFor(() => expect(messageUnder(label)).toBe(message));
}
