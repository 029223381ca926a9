import { memo } from 'react';
import type { ItemSummary } from '@contract/catalogue';
import type { HighlightRange } from '@contract/search';
import { formatAudiences, formatTimeLimit } from '@/lib/format';
import { HighlightedText } from './highlighted-text';
import { ItemTags } from './item-tags';
import { LightBlock, LightText } from './light-elements';
import { navigate } from './navigate';
import { routes } from './routes';
import './item-card.scss';

export type ItemCardProps = {
  item: ItemSummary;
  nameHighlights?: ReadonlyArray<HighlightRange>;
  /** Why it matched when not by name, e.g. "别名：迁户口". */
  matchNote?: { label: string; text: string; ranges: ReadonlyArray<HighlightRange> };
  /** Fixed height (long names clamped), for windowed lists whose rows must all be the same size. */
  row?: boolean;
};

/** One service item in a list: tap to open its guide. Memoised: long lists re-render often. */
export const ItemCard = memo(function ItemCard({ item, nameHighlights = [], matchNote, row }: ItemCardProps) {
  return (
    <LightBlock
      className={row ? 'item-card item-card--row tap-target' : 'item-card tap-target'}
      hoverClass='item-card--pressed'
      role='link'
      onClick={() => navigate(routes.guide(item.code))}
    >
      <HighlightedText className='item-card__name' text={item.name} ranges={nameHighlights} />
      {matchNote ? (
        <LightBlock className='item-card__match'>
          <LightText>{matchNote.label}：</LightText>
          <HighlightedText text={matchNote.text} ranges={matchNote.ranges} />
        </LightBlock>
      ) : null}
      {/* One text node, not three: a results page draws this for every card after each keystroke. */}
      <LightText className='item-card__meta'>
        {`${item.departmentName} · ${formatAudiences(item.audiences)} · 承诺${formatTimeLimit(item.promisedDays)}`}
      </LightText>
      <ItemTags tags={item.tags} />
    </LightBlock>
  );
});
