import { Text, View } from '@tarojs/components';
import { Step, Steps } from '@nutui/nutui-react-taro';
import type { CaseEvent } from '@contract/prereview';
import { CASE_STATUS_NAMES } from '@/lib/case-status';
import { formatChineseDateTime } from '@/lib/format-date';

export type TimelineProps = { events: readonly CaseEvent[] };

/** Every status change of the case, oldest first, with who made it and what they said: NutUI Steps. */
export function Timeline({ events }: TimelineProps) {
  return (
    <Steps className='timeline' direction='vertical' value={events.length}>
      {events.map((event, index) => (
        <Step
          key={`${event.at}-${index}`}
          value={index + 1}
          className={index === events.length - 1 ? 'timeline__step timeline__step--now' : 'timeline__step'}
          title={<Text className='timeline__status'>{CASE_STATUS_NAMES[event.to]}</Text>}
          description={
            <View>
              <Text className='timeline__meta'>
                {formatChineseDateTime(event.at)} · {event.actor}
              </Text>
              {event.note ? <Text className='timeline__note'>{event.note}</Text> : null}
            </View>
          }
        />
      ))}
    </Steps>
  );
}
