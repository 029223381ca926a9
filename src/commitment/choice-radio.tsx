import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';
import { env } from '@/core/env';

export type ChoiceRadioProps = {
  label: string;
  checked: boolean;
  onSelect: () => void;
  className?: string;
};

type KeyLike = { key: string; preventDefault: () => void };

/**
 * One choice of a radio group: NutUI's Radio, drawn inside a row that takes the tap. Radio passes
 * no other props to its element, and its role and state reach only the mini-programs (as
 * `ariaRole`/`ariaChecked`); on H5 the row carries them, with Space/Enter to choose.
 */
export function ChoiceRadio({ label, checked, onSelect, className }: ChoiceRadioProps) {
  const h5 =
    env.platform === 'h5'
      ? {
          role: 'radio',
          'aria-checked': checked,
          tabIndex: 0,
          onKeyDown: (e: KeyLike) => {
            if (e.key !== ' ' && e.key !== 'Enter') return;
            e.preventDefault();
            onSelect();
          },
        }
      : {};
  return (
    <View className={['choice', 'tap-target', className ?? ''].filter(Boolean).join(' ')} onClick={onSelect} {...h5}>
      <Radio checked={checked} value={label}>
        {label}
      </Radio>
    </View>
  );
}
