import { Text, View } from '@tarojs/components';
import type { ItemTags as ItemTagsData, TongbanScope } from '@contract/catalogue';

const SCOPE_LABELS: Record<TongbanScope, string | undefined> = {
  none: undefined,
  city: '全市通办',
  province: '全省通办',
  'cross-province': '跨省通办',
};

export function tagLabels(tags: ItemTagsData): string[] {
  const labels: string[] = [];
  if (tags.fullyOnline) labels.push('全程网办');
  if (tags.maxOneVisit) labels.push('最多跑一次');
  const scope = SCOPE_LABELS[tags.scope];
  if (scope) labels.push(scope);
  return labels;
}

export type ItemTagsProps = { tags: ItemTagsData };

export function ItemTags({ tags }: ItemTagsProps) {
  const labels = tagLabels(tags);
  if (labels.length === 0) return null;
  return (
    <View className='tags'>
      {labels.map((label) => (
        <Text key={label} className='tag'>
          {label}
        </Text>
      ))}
    </View>
  );
}
