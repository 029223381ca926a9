import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';
import { env } from '@/core/env';

export type FeedbackChoiceProps = {
  label: string;
  checked: boolean;
  onSelect: () => void;
};

type KeyLike = { key: string; preventDefault: () => void };

/**
 * One answer to 您对整改结果满意吗: NutUI's Radio drawn as a button, inside a row that takes the
 * tap. Radio passes no other props to its element and its role and state reach only the
 * mini-programs; on H5 the row carries them, with Space/Enter to choose. A tick marks the choice,
 * not only its colour.
 */
export function FeedbackChoice({ label, checked, onSelect }: FeedbackChoiceProps) {
  const h5 =
    env.platform === 'h5'
      ? {
          role: 'radio',
          'aria-checked': checked,
          'aria-label': label,
          tabIndex: 0,
          onKeyDown: (e: KeyLike) => {
            if (e.key !== ' ' && e.key !== 'Enter') return;
            e.preventDefault();
            onSelect();
          },
        }
      : {};
  return (
    <View className='choice' onClick={onSelect} {...h5}>
      <Radio shape='button' checked={checked} value={label}>
        {checked ? `✓ ${label}` : label}
      </Radio>
    </View>
  );
}
