import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import './field.scss';

export type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'idcard';
  maxLength: number;
  placeholder?: string;
  error?: string;
  className?: string;
  /** Something beside the input, e.g. the 获取验证码 button. */
  trailing?: ReactNode;
};

/** A labelled input with its error below it, announced to screen readers. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  maxLength,
  placeholder,
  error,
  className,
  trailing,
}: TextFieldProps) {
  const input = (
    <Input
      className={['field__input', className ?? ''].filter(Boolean).join(' ')}
      type={type}
      maxlength={maxLength}
      placeholder={placeholder}
      aria-label={label}
      value={value}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {trailing ? (
        <View className='field__row'>
          {input}
          {trailing}
        </View>
      ) : (
        input
      )}
      <FieldError message={error} />
    </View>
  );
}
