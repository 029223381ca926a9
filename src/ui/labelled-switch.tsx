import { Switch } from '@nutui/nutui-react-taro';
import type { ComponentProps } from 'react';

export type LabelledSwitchProps = {
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  className?: string;
};

type NutSwitchProps = ComponentProps<typeof Switch>;

/**
 * NutUI's Switch with its role, name and state for screen readers. NutUI hands them to Taro's View
 * as `ariaRole`/`ariaLabel`/`ariaChecked`, which the mini-programs understand but H5 writes as
 * unknown attributes (axe: a switch with no accessible name). Its other props pass through, so the
 * real ARIA attributes go in beside them.
 */
export function LabelledSwitch({ label, checked, onChange, className }: LabelledSwitchProps) {
  const aria = { role: 'switch', 'aria-label': label, 'aria-checked': checked } as Partial<NutSwitchProps>;
  return <Switch className={className} checked={checked} ariaLabel={label} onChange={onChange} {...aria} />;
}
