import { Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';

export type LoadingStateProps = {
  label?: string;
  /** The content to come: cards of a list, or the blocks of one record. */
  shape?: 'list' | 'detail';
};

const LIST_CARDS = [0, 1, 2];

/**
 * NutUI's Skeleton in the shape of what is loading, so the page does not jump when it arrives;
 * the label says it in words for screen readers and for a slow network.
 */
export function LoadingState({ label = '正在加载…', shape = 'detail' }: LoadingStateProps) {
  return (
    <View className={`state state--loading state--loading-${shape}`} aria-busy='true' role='status'>
      {shape === 'list' ? (
        LIST_CARDS.map((card) => (
          <View key={card} className='state__skeleton-card'>
            <Skeleton rows={1} width='60%' />
            <Skeleton rows={2} />
          </View>
        ))
      ) : (
        <View className='state__skeleton-card'>
          <Skeleton rows={1} width='70%' size='large' />
          <Skeleton rows={4} />
        </View>
      )}
      <Text className='state__label'>{label}</Text>
    </View>
  );
}
