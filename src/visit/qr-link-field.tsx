import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import '@/ui/field.scss';

export type QrLinkFieldProps = { busy?: boolean; onSubmit: (qr: string) => void };

/**
 * The browser cannot open the camera for us: scan the hall's 取号二维码 with the phone's camera and
 * paste the link it shows (what the gateway verifies is the whole link).
 */
export function QrLinkField({ busy, onSubmit }: QrLinkFieldProps) {
  const [value, setValue] = useState('');
  return (
    <View className='visit-group'>
      <View className='field'>
        <Text className='field__label'>取号二维码链接</Text>
        <Input
          className='field__input'
          maxlength={500}
          placeholder='用手机相机扫描大厅取号二维码后，粘贴链接'
          aria-label='取号二维码链接'
          value={value}
          onInput={(e) => setValue(e.detail.value)}
        />
      </View>
      <Button block className='tap-target' loading={busy} onClick={() => value.trim() && onSubmit(value.trim())}>
        取号
      </Button>
    </View>
  );
}
