import { Input, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';

/**
 * The floor's one page: plain View and Input. It echoes what is typed (the floor for
 * keystroke-to-paint) and, with `?rows=N`, renders N plain rows (the floor for the long list).
 */
export default function Index() {
  const { params } = useRouter();
  const rows = Math.min(Number(params.rows ?? 0) || 0, 5000);
  const [text, setText] = useState('');
  return (
    <View className='floor'>
      <View className='floor__title'>洪山掌上办 · 政务服务事项查询</View>
      <Input
        className='floor__input'
        placeholder='输入事项名称、拼音或首字母'
        value={text}
        onInput={(e) => setText(e.detail.value)}
      />
      <View className='floor__echo'>{text}</View>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='item-card'>
          事项 {i + 1}
        </View>
      ))}
    </View>
  );
}
