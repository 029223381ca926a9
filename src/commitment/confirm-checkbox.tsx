import { Checkbox } from '@nutui/nutui-react-taro';
import type { ComponentProps } from 'react';
import { env } from '@/core/env';

export type ConfirmCheckboxProps = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
};

type NutCheckboxProps = ComponentProps<typeof Checkbox>;
type KeyLike = { key: string; preventDefault: () => void };

/**
 * NutUI's Checkbox with its state for screen readers and the keyboard on H5. NutUI hands role and
 * state to Taro's View as `ariaRole`/`ariaChecked` (the mini-programs read them, H5 writes unknown
 * attributes) and listens to taps only; its other props reach the element, so the real ARIA
 * attributes and Space/Enter go in beside them, as in LabelledSwitch.
 */
export function ConfirmCheckbox({ label, checked, onChange, className }: ConfirmCheckboxProps) {
  const a11y = {
    role: 'checkbox',
    'aria-checked': checked,
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
  return <Checkbox className={className} checked={checked} label={label} onChange={onChange} {...a11y} />;
}
