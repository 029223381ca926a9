import { Text, View } from '@tarojs/components';
import type { CaseEvent } from '@contract/prereview';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { formatChineseDateTime } from '@/lib/format-date';

export type TimelineProps = { events: readonly CaseEvent[] };

/** Every status change of the case, oldest first, with who made it and what they said. */
export function Timeline({ events }: TimelineProps) {
  return (
    <View className='timeline' role='list' aria-label='办理进度'>
      {events.map((event, index) => (
        <View
          key={`${event.at}-${index}`}
          className={index === events.length - 1 ? 'timeline__step timeline__step--now' : 'timeline__step'}
          role='listitem'
        >
          <Text className='timeline__status'>{CASE_STATUS_NAMES[event.to]}</Text>
          <Text className='timeline__meta'>
            {formatChineseDateTime(event.at)} · {event.actor}
          </Text>
          {event.note ? <Text className='timeline__note'>{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
