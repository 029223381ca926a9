import { Text } from '@tarojs/components';
import type { HighlightRange } from '@contract/search';
import { splitHighlights } from '@/lib/highlight';

export type HighlightedTextProps = { text: string; ranges: ReadonlyArray<HighlightRange>; className?: string };

/** Text with the matched characters emphasised (bold and coloured: colour is never the only cue). */
export function HighlightedText({ text, ranges, className }: HighlightedTextProps) {
  return (
    <Text className={className}>
      {splitHighlights(text, ranges).map((segment, index) =>
        segment.highlighted ? (
          <Text key={index} className='hl'>
            {segment.text}
          </Text>
        ) : (
          segment.text
        ),
      )}
    </Text>
  );
}
