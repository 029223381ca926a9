import type { HighlightRange } from '@contract/search';
import { splitHighlights } from '@/lib/highlight';
import { LightText } from './light-elements';

export type HighlightedTextProps = { text: string; ranges: ReadonlyArray<HighlightRange>; className?: string };

/** Text with the matched characters emphasised (bold and coloured: colour is never the only cue). */
export function HighlightedText({ text, ranges, className }: HighlightedTextProps) {
  return (
    <LightText className={className}>
      {splitHighlights(text, ranges).map((segment, index) =>
        segment.highlighted ? (
          <LightText key={index} className='hl'>
            {segment.text}
          </LightText>
        ) : (
          segment.text
        ),
      )}
    </LightText>
  );
}
