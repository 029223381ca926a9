import { View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { SMS_CODE_LENGTH } from '../field-checks';

export type SmsCodeInputProps = {
  /** value, onChange and onBlur are given by Form.Item. */
  value?: string;
  onChange?: (value: string) => void;
  onBlur?: (value: string) => void;
  /** The 获取验证码 button beside the input. */
  resend: ReactNode;
};

/** The code's input with its resend button: one control for Form.Item, which takes a single child. */
export function SmsCodeInput({ value = '', onChange, onBlur, resend }: SmsCodeInputProps) {
  return (
    <View className='login__code-row'>
      <Input
        className='login__code'
        type='number'
        maxLength={SMS_CODE_LENGTH}
        placeholder='6位验证码'
        aria-label='短信验证码'
        value={value}
        onChange={onChange}
        onBlur={onBlur}
      />
      {resend}
    </View>
  );
}
