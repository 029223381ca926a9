import { Switch } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { ComponentProps } from 'react';
import { env } from '@/core/env';
import { activationKeys } from './activation-keys';
import './labelled-switch.scss';

export type LabelledSwitchProps = {
  label: string;
  /** A line under the label saying what the setting does. */
  hint?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  className?: string;
};

type NutSwitchProps = ComponentProps<typeof Switch>;

/**
 * A setting's row: its words and NutUI's Switch, the whole row one target (NutUI's switch alone is
 * 46×28 px). On H5 the row is the switch for screen readers and the keyboard: NutUI hands role and
 * state to Taro's View as `ariaRole`/`ariaChecked`, which H5 writes as unknown attributes, so the
 * drawn switch is hidden from them there and out of the tab order. The mini-programs read NutUI's
 * own attributes on it.
 */
export function LabelledSwitch({ label, hint, checked, onChange, className }: LabelledSwitchProps) {
  const toggle = () => onChange(!checked);
  const row =
    env.platform === 'h5'
      ? { role: 'switch', 'aria-checked': checked, 'aria-label': label, tabIndex: 0, ...activationKeys(toggle) }
      : {};
  // No onChange on the drawn switch: a tap on it reaches the row, which toggles once.
  const drawn = (env.platform === 'h5' ? { tabIndex: -1, 'aria-hidden': true } : {}) as Partial<NutSwitchProps>;
  return (
    <View className={['labelled-switch', 'tap-target', className].filter(Boolean).join(' ')} onClick={toggle} {...row}>
      <View className='labelled-switch__text'>
        <Text className='labelled-switch__label'>{label}</Text>
        {hint ? <Text className='labelled-switch__hint'>{hint}</Text> : null}
      </View>
      <Switch className='labelled-switch__switch' checked={checked} ariaLabel={label} {...drawn} />
    </View>
  );
}
