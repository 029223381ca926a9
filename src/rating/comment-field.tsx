import { Text, View } from '@tarojs/components';
import { TextArea } from '@nutui/nutui-react-taro';
import { RATING_COMMENT_MAX } from '@/lib/rating-rules';
import { FieldError } from '@/ui/field-error';
import '@/ui/field.scss';

export type CommentFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  error?: string;
};

/** A labelled, multi-line NutUI TextArea with its character count and its error below it. */
export function CommentField({ label, value, onChange, placeholder, error }: CommentFieldProps) {
  return (
    <View className='comment-field'>
      <Text className='section__title'>{label}</Text>
      <TextArea
        className='rating-form__comment'
        value={value}
        onChange={onChange}
        maxLength={RATING_COMMENT_MAX}
        showCount
        placeholder={placeholder}
        aria-label={label}
      />
      <FieldError message={error} />
    </View>
  );
}
