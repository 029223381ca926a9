import { View } from '@tarojs/components';
import { Radio } from '@nutui/nutui-react-taro';
// Radio draws NutUI icons: their box, and a view for them on the mini-programs, are set up there.
import '@/ui/icons';

export type ChoiceRadioProps = {
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
};

/**
 * NutUI's Radio (inside a Radio.Group) in a row a screen reader can name: NutUI hands its role and
 * state to Taro's View as `ariaRole`/`ariaChecked`, which H5 writes as `aria-role` (no such
 * attribute) and it passes no other props on (the gap LabelledSwitch fills for Switch). The row
 * carries the role, state and name; NutUI's radio inside it draws and takes the tap.
 */
export function ChoiceRadio({ value, label, checked, disabled = false }: ChoiceRadioProps) {
  return (
    <View
      className={disabled ? 'choice choice--off' : 'choice'}
      role='radio'
      aria-checked={checked}
      aria-disabled={disabled}
      aria-label={label}
    >
      {/* The row is the radio for screen readers; NutUI's own `aria-role` (not an ARIA attribute:
          axe aria-valid-attr, critical) is kept out of their tree. */}
      <View className='choice__visual' aria-hidden='true'>
        <Radio className='choice__radio tap-target' value={value} disabled={disabled}>
          {label}
        </Radio>
      </View>
    </View>
  );
}
