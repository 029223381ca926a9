import { Text, View } from '@tarojs/components';
import type { RectificationTicket } from '@contract/rating';
import { formatChineseDate } from '@/lib/format-date';
import { TICKET_STEPS } from '@/lib/rating-rules';

export type TicketTimelineProps = { ticket: RectificationTicket };

/** 核实 → 整改 → 回访 → 办结, each step with the hall's note; done steps marked by a tick, not only colour. */
export function TicketTimeline({ ticket }: TicketTimelineProps) {
  const reached = TICKET_STEPS.findIndex((s) => s.status === ticket.status);
  return (
    <View role='list'>
      {TICKET_STEPS.map((step, index) => {
        const events = ticket.history.filter((e) => e.status === step.status);
        const done = index <= reached;
        return (
          <View key={step.status} className='timeline__step' role='listitem'>
            <Text className={done ? 'timeline__mark timeline__mark--done' : 'timeline__mark'}>{done ? '✓' : '○'}</Text>
            <View className='timeline__body'>
              <Text className='timeline__title'>
                {step.name}
                {index === reached && ticket.status !== 'closed' ? '（进行中）' : ''}
              </Text>
              {events.map((event, i) => (
                <Text key={i} className='timeline__note'>
                  {formatChineseDate(event.at)} {event.note}
                </Text>
              ))}
            </View>
          </View>
        );
      })}
    </View>
  );
}
