import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';

export type ChoiceRadioProps = {
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  /** Chooses this row: a tap on NutUI's Radio, or Space/Enter on the row. */
  onSelect: () => void;
};

type KeyLike = { key: string; preventDefault: () => void };

/**
 * NutUI's Radio in a row a screen reader can name: NutUI hands its role and
 * state to Taro's View as `ariaRole`/`ariaChecked`, which H5 writes as `aria-role` (no such
 * attribute) and it passes no other props on (the gap LabelledSwitch fills for Switch). The row
 * carries the role, state and name; NutUI's radio inside it draws and takes the tap.
 */
export function ChoiceRadio({ value, label, checked, disabled = false, onSelect }: ChoiceRadioProps) {
  // Taro's View types leave out tabIndex and keydown, which H5's element takes.
  const keyboard = {
    tabIndex: disabled ? -1 : 0,
    onKeyDown: (e: KeyLike) => {
      if (disabled || (e.key !== ' ' && e.key !== 'Enter')) return;
      e.preventDefault();
      onSelect();
    },
  };
  return (
    <View
      className={disabled ? 'choice choice--off' : 'choice'}
      role='radio'
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
      {...keyboard}
    >
      {/* The row is the radio for screen readers; NutUI's own `aria-role` (not an ARIA attribute:
          axe aria-valid-attr, critical) is kept out of their tree. */}
      <View className='choice__visual' aria-hidden='true'>
        <Radio
          className='choice__radio tap-target'
          value={value}
          checked={checked}
          disabled={disabled}
          onChange={(on: boolean) => (on ? onSelect() : undefined)}
        >
          {label}
        </Radio>
      </View>
    </View>
  );
}
