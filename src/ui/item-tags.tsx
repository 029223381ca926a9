import type { ItemTags as ItemTagsData, TongbanScope } from '@contract/catalogue';
import { LightBlock, LightText } from './light-elements';

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
    <LightBlock className='tags'>
      {labels.map((label) => (
        <LightText key={label} className='tag'>
          {label}
        </LightText>
      ))}
    </LightBlock>
  );
}
