import { Steps, Step } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { RectificationTicket } from '@contract/rating';
import { formatChineseDate } from '@/lib/format-date';
import { TICKET_STEPS } from '@/lib/rating-rules';

export type TicketTimelineProps = { ticket: RectificationTicket };

/**
 * 核实 → 整改 → 回访 → 办结 as NutUI Steps, each step with the hall's notes. A step's state is in
 * its words too (已完成, 进行中), not only its colour.
 */
export function TicketTimeline({ ticket }: TicketTimelineProps) {
  const reached = TICKET_STEPS.findIndex((s) => s.status === ticket.status);
  // Steps counts from 1: below `value` is finished, at it in progress. A closed ticket is all done.
  const current = ticket.status === 'closed' ? TICKET_STEPS.length + 1 : reached + 1;
  return (
    <Steps className='ticket-steps' direction='vertical' status='enhanced' value={current}>
      {TICKET_STEPS.map((step, index) => {
        const events = ticket.history.filter((e) => e.status === step.status);
        const state = index + 1 < current ? '（已完成）' : index + 1 === current ? '（进行中）' : '';
        return (
          <Step
            key={step.status}
            value={index + 1}
            title={<Text className='ticket-steps__title'>{`${step.name}${state}`}</Text>}
            description={
              events.length > 0 ? (
                <View>
                  {events.map((event, i) => (
                    <Text key={i} className='timeline__note'>
                      {formatChineseDate(event.at)} {event.note}
                    </Text>
                  ))}
                </View>
              ) : undefined
            }
          />
        );
      })}
    </Steps>
  );
}
