import { View } from '@tarojs/components';
import type { MatchField, SearchHit } from '@contract/search';
import { ItemCard } from '@/ui/item-card';
import { useWindowedRows } from '@/ui/use-windowed-rows';

const MATCH_LABELS: Partial<Record<MatchField, string>> = {
  alias: '又称',
  department: '部门',
  material: '材料',
};

export type SearchHitListProps = { hits: SearchHit[] };

/** Search results, windowed: however many pages are loaded, only the rows near the screen exist. */
export function SearchHitList({ hits }: SearchHitListProps) {
  const { start, end, spaceBefore, spaceAfter } = useWindowedRows(
    hits.length,
    '.hits',
    'item-card',
    hits[0]?.item.code ?? '',
  );
  return (
    <View className='hits'>
      {spaceBefore > 0 ? <View style={{ height: `${spaceBefore}px` }} /> : null}
      {hits.slice(start, end).map((hit) => {
        const label = MATCH_LABELS[hit.matchedField];
        return (
          <ItemCard
            key={hit.item.code}
            row
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
      {spaceAfter > 0 ? <View style={{ height: `${spaceAfter}px` }} /> : null}
    </View>
  );
}
