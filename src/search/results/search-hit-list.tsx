import { View } from '@tarojs/components';
import type { MatchField, SearchHit } from '@contract/search';
import { ItemCard } from '@/ui/item-card';

const MATCH_LABELS: Partial<Record<MatchField, string>> = {
  alias: '又称',
  department: '部门',
  material: '材料',
};

export type SearchHitListProps = { hits: SearchHit[] };

export function SearchHitList({ hits }: SearchHitListProps) {
  return (
    <View className='hits'>
      {hits.map((hit) => {
        const label = MATCH_LABELS[hit.matchedField];
        return (
          <ItemCard
            key={hit.item.code}
            item={hit.item}
            nameHighlights={hit.nameHighlights}
            matchNote={
              label && hit.matchedText
                ? { label, text: hit.matchedText, ranges: hit.matchedTextHighlights ?? [] }
                : undefined
            }
          />
        );
      })}
    </View>
  );
}
