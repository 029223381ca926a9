import { Checkbox } from '@nutui/nutui-react-taro';
import type { ComponentProps } from 'react';
import { env } from '@/core/env';

export type ReasonCheckboxProps = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

type NutCheckboxProps = ComponentProps<typeof Checkbox>;
type KeyLike = { key: string; preventDefault: () => void };

/**
 * A 差评 reason as NutUI's Checkbox drawn as a button, with its checked state for screen readers
 * and the keyboard on H5 (NutUI writes `ariaRole`/`ariaChecked`, which only the mini-programs
 * read; its other props reach the element). A tick beside the words marks it chosen, not only
 * its colour.
 */
export function ReasonCheckbox({ label, checked, onChange }: ReasonCheckboxProps) {
  const a11y = {
    role: 'checkbox',
    'aria-checked': checked,
    'aria-label': label,
    ...(env.platform === 'h5'
      ? {
          onKeyDown: (e: KeyLike) => {
            if (e.key !== ' ' && e.key !== 'Enter') return;
            e.preventDefault();
            onChange(!checked);
          },
        }
      : {}),
  } as Partial<NutCheckboxProps>;
  return (
    <Checkbox className='rating-reason' shape='button' checked={checked} onChange={onChange} {...a11y}>
      {checked ? `✓ ${label}` : label}
    </Checkbox>
  );
}
