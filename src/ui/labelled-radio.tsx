import { Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { env } from '@/core/env';
import { activationKeys } from './activation-keys';

export type LabelledRadioProps = {
  label: string;
  checked: boolean;
  onSelect: () => void;
  /** Shown, but not to be chosen (e.g. 邮寄送达 where the 事项 offers no post). */
  disabled?: boolean;
  className?: string;
  /** `button`: a chip, with a tick beside the words when chosen (not only a colour). */
  shape?: 'round' | 'button';
};

/**
 * One choice of a group: NutUI's Radio inside a row that takes the tap. Radio passes no other props
 * to its element, and its role and state reach only the mini-programs (as `ariaRole`/`ariaChecked`);
 * on H5 the row carries them, with Space/Enter to choose.
 */
export function LabelledRadio({
  label,
  checked,
  onSelect,
  disabled = false,
  className,
  shape = 'round',
}: LabelledRadioProps) {
  const choose = () => {
    if (!disabled) onSelect();
  };
  const h5 =
    env.platform === 'h5'
      ? {
          role: 'radio',
          'aria-checked': checked,
          'aria-disabled': disabled,
          'aria-label': label,
          tabIndex: disabled ? -1 : 0,
          ...activationKeys(choose),
        }
      : {};
  const classes = ['choice', 'tap-target', disabled ? 'choice--off' : '', className ?? ''];
  return (
    <View className={classes.filter(Boolean).join(' ')} onClick={choose} {...h5}>
      <Radio shape={shape} checked={checked} value={label} disabled={disabled}>
        {shape === 'button' && checked ? `✓ ${label}` : label}
      </Radio>
    </View>
  );
}
