import { Text, View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import type { ComponentProps } from 'react';
import { navigate } from '@/ui/navigate';
// NutUI's Input and Checkbox draw icons: this sets them up (a view on the mini-programs, its box).
import '@/ui/icons';
import { routes } from '@/ui/routes';

export type PrivacyConsentProps = {
  /** Given by Form.Item (valuePropName 'checked'). */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
};

type NutCheckboxProps = ComponentProps<typeof Checkbox>;

/**
 * 我已阅读并同意《隐私政策》: NutUI's Checkbox, and the policy as a link of its own beside it (a tap
 * on the link opens the policy, it does not tick the box). NutUI hands the checkbox's role and state
 * to Taro's View as `ariaRole`/`ariaChecked`, which H5 writes as unknown attributes: the real ARIA
 * attributes go in beside them, as in LabelledSwitch.
 */
export function PrivacyConsent({ checked = false, onChange }: PrivacyConsentProps) {
  const aria = {
    role: 'checkbox',
    'aria-checked': checked,
    'aria-label': '我已阅读并同意隐私政策',
  } as Partial<NutCheckboxProps>;
  return (
    <View className='consent'>
      <Checkbox className='consent__check login__check' checked={checked} onChange={(on) => onChange?.(on)} {...aria}>
        <Text>我已阅读并同意</Text>
      </Checkbox>
      <View className='consent__link' role='link' onClick={() => navigate(routes.privacy)}>
        《隐私政策》
      </View>
    </View>
  );
}
