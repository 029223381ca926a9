import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { useRef } from 'react';
import type { Delivery } from '@contract/prereview';
import '@/ui/field.scss';
import { LabelledRadio } from '@/ui/labelled-radio';
import { FieldError } from '@/ui/field-error';

export type DeliverySectionProps = {
  delivery: Delivery | undefined;
  postAvailable: boolean;
  errors: Record<string, string>;
  onChange: (delivery: Delivery) => void;
};

/** 结果领取方式: 窗口自取, or 邮寄 with the address (kept while switching back and forth). */
export function DeliverySection({ delivery, postAvailable, errors, onChange }: DeliverySectionProps) {
  const post = delivery?.method === 'post' ? delivery : undefined;
  // The draft keeps only the chosen method: the address typed before a switch to 自取 is held here.
  const lastPost = useRef(post);
  if (post) lastPost.current = post;
  const choose = (method: Delivery['method']) =>
    onChange(
      method === 'pickup' ? { method } : { method, recipient: '', mobile: '', address: '', ...lastPost.current },
    );
  return (
    <View className='section'>
      <Text className='section__title'>结果领取方式</Text>
      <View className='choices' role='radiogroup' aria-label='结果领取方式'>
        <LabelledRadio label='窗口自取' checked={delivery?.method === 'pickup'} onSelect={() => choose('pickup')} />
        <LabelledRadio
          label={postAvailable ? '邮寄送达（免费）' : '邮寄送达（该事项不提供）'}
          checked={delivery?.method === 'post'}
          disabled={!postAvailable}
          onSelect={() => choose('post')}
        />
      </View>
      <FieldError message={errors['form.delivery']} />
      {post ? (
        <>
          <DeliveryField
            label='收件人'
            value={post.recipient}
            maxLength={30}
            error={errors['form.delivery.recipient']}
            onChange={(recipient) => onChange({ ...post, recipient })}
          />
          <DeliveryField
            label='收件人电话'
            type='number'
            value={post.mobile}
            maxLength={11}
            error={errors['form.delivery.mobile']}
            onChange={(mobile) => onChange({ ...post, mobile })}
          />
          <DeliveryField
            label='邮寄地址'
            value={post.address}
            maxLength={200}
            error={errors['form.delivery.address']}
            onChange={(address) => onChange({ ...post, address })}
          />
        </>
      ) : null}
    </View>
  );
}

type DeliveryFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number';
  maxLength: number;
  error?: string;
};

/**
 * A delivery field: NutUI's Input under its label, with the error below. Not a Form.Item: the
 * address is checked with the whole application (client and gateway), not field by field.
 */
function DeliveryField({ label, value, onChange, type = 'text', maxLength, error }: DeliveryFieldProps) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input
        className='field__input'
        type={type}
        maxLength={maxLength}
        placeholder={`请输入${label}`}
        value={value}
        aria-label={label}
        // H5 draws Taro's input inside its own element: the name must be on the <input> itself.
        nativeProps={{ 'aria-label': label }}
        onChange={onChange}
      />
      <FieldError message={error} />
    </View>
  );
}
