import { Text, View } from '@tarojs/components';
import { LabelledCheckbox } from '@/ui/labelled-checkbox';
import { navigate } from '@/ui/navigate';
import { routes } from '@/ui/routes';

export type PrivacyConsentProps = {
  /** Given by Form.Item (valuePropName 'checked'). */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
};

/**
 * 我已阅读并同意《隐私政策》: a checkbox, and the policy as a link of its own beside it (a tap on the
 * link opens the policy, it does not tick the box).
 */
export function PrivacyConsent({ checked = false, onChange }: PrivacyConsentProps) {
  return (
    <View className='consent'>
      <LabelledCheckbox
        className='consent__check login__check'
        label='我已阅读并同意隐私政策'
        checked={checked}
        onChange={(on) => onChange?.(on)}
      >
        <Text>我已阅读并同意</Text>
      </LabelledCheckbox>
      <View className='consent__link' role='link' onClick={() => navigate(routes.privacy)}>
        《隐私政策》
      </View>
    </View>
  );
}
