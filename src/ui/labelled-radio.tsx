import { Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { env } from '@/core/env';
import { activationKeys } from './activation-keys';

export type LabelledRadioProps = {
  label: string;
  checked: boolean;
  onSelect: () => void;
  className?: string;
  /** `button`: a chip, with a tick beside the words when chosen (not only a colour). */
  shape?: 'round' | 'button';
};

/**
 * One choice of a group: NutUI's Radio inside a row that takes the tap. Radio passes no other props
 * to its element, and its role and state reach only the mini-programs (as `ariaRole`/`ariaChecked`);
 * on H5 the row carries them, with Space/Enter to choose.
 */
export function LabelledRadio({ label, checked, onSelect, className, shape = 'round' }: LabelledRadioProps) {
  const h5 =
    env.platform === 'h5'
      ? { role: 'radio', 'aria-checked': checked, 'aria-label': label, tabIndex: 0, ...activationKeys(onSelect) }
      : {};
  return (
    <View className={['choice', 'tap-target', className].filter(Boolean).join(' ')} onClick={onSelect} {...h5}>
      <Radio shape={shape} checked={checked} value={label}>
        {shape === 'button' && checked ? `✓ ${label}` : label}
      </Radio>
    </View>
  );
}
