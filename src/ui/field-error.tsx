import { View } from '@tarojs/components';

export type FieldErrorProps = { message?: string };

/** What is wrong with a field, under it, announced as it appears; nothing when all is well. */
export function FieldError({ message }: FieldErrorProps) {
  return message ? (
    <View className='field__error' role='alert'>
      {message}
    </View>
  ) : null;
}
