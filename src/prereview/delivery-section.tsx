import { Text, View } from '@tarojs/components';
import type { Delivery } from '@contract/prereview';
import { TextField } from '@/ui/text-field';
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
  const choose = (method: Delivery['method']) =>
    onChange(method === 'pickup' ? { method } : { method, recipient: '', mobile: '', address: '', ...post });
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
          <TextField
            label='收件人'
            value={post.recipient}
            maxLength={30}
            error={errors['form.delivery.recipient']}
            onChange={(recipient) => onChange({ ...post, recipient })}
          />
          <TextField
            label='收件人电话'
            type='number'
            value={post.mobile}
            maxLength={11}
            error={errors['form.delivery.mobile']}
            onChange={(mobile) => onChange({ ...post, mobile })}
          />
          <TextField
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
