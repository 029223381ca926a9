import { Checkbox } from '@nutui/nutui-react-taro';
import type { ComponentProps, ReactNode } from 'react';
import { env } from '@/core/env';
import { activationKeys } from './activation-keys';

export type LabelledCheckboxProps = {
  /** The accessible name, and the words drawn unless `children` says more. */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
  /** `button`: a chip, with a tick beside the words when chosen (not only a colour). */
  shape?: 'round' | 'button';
  children?: ReactNode;
};

type NutCheckboxProps = ComponentProps<typeof Checkbox>;

/**
 * NutUI's Checkbox with its role, name and state for screen readers, and Space/Enter, on H5. NutUI
 * hands role and state to Taro's View as `ariaRole`/`ariaChecked`, which the mini-programs read and
 * H5 writes as unknown attributes; its other props reach the element, so the real ARIA attributes go
 * in beside them, as in LabelledSwitch.
 */
export function LabelledCheckbox({
  label,
  checked,
  onChange,
  className,
  shape = 'round',
  children,
}: LabelledCheckboxProps) {
  const a11y = {
    role: 'checkbox',
    'aria-checked': checked,
    'aria-label': label,
    ...(env.platform === 'h5' ? { tabIndex: 0 } : {}),
    ...activationKeys(() => onChange(!checked)),
  } as Partial<NutCheckboxProps>;
  return (
    <Checkbox className={className} shape={shape} checked={checked} onChange={onChange} {...a11y}>
      {children ?? (shape === 'button' && checked ? `✓ ${label}` : label)}
    </Checkbox>
  );
}
