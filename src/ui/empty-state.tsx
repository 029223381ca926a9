import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export type EmptyStateProps = { title: string; description?: string; children?: ReactNode };

export function EmptyState({ title, description, children }: EmptyStateProps) {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>{title}</Text>
      {description ? <Text className='state__message'>{description}</Text> : null}
      {children}
    </View>
  );
}
