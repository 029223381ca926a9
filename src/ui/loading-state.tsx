import { Text, View } from '@tarojs/components';

export type LoadingStateProps = { label?: string };

export function LoadingState({ label = '正在加载…' }: LoadingStateProps) {
  return (
    <View className='state state--loading' aria-busy='true'>
      <Text className='state__message'>{label}</Text>
    </View>
  );
}
