import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { HallTicket } from '@contract/booking';
import { ticketStateText } from './booking-labels';

export type TicketViewProps = {
  ticket: HallTicket;
  /** The last poll failed: the number shown is the last one known. */
  shaky?: boolean;
  onRate?: () => void;
};

/** The queue number, big, with what to do now and how many are ahead. */
export function TicketView({ ticket, shaky, onRate }: TicketViewProps) {
  return (
    <View className='section'>
      <Text className='muted'>您的号码</Text>
      <Text className='ticket-number' aria-label={`号码 ${ticket.number}`}>
        {ticket.number}
      </Text>
      <View className='ticket-state' role='status'>
        {ticketStateText(ticket)}
      </View>
      {ticket.status === 'waiting' ? (
        <Text className='ticket-quiet'>
          {ticket.ahead === 0 ? '下一位就是您，请留意叫号' : `前面还有 ${ticket.ahead} 人`}
        </Text>
      ) : null}
      {ticket.status === 'no_show' ? <Text className='ticket-quiet'>叫号时未到窗口，请重新取号</Text> : null}
      <Text className='visit-line'>{`大厅：${ticket.hallName}`}</Text>
      {ticket.itemName ? <Text className='visit-line'>{`事项：${ticket.itemName}`}</Text> : null}
      <Text className='visit-line muted'>{ticket.kind === 'booked' ? '预约号' : '现场号'}</Text>
      {shaky ? <Text className='ticket-quiet'>网络不稳定，正在重试</Text> : null}
      {ticket.status === 'served' && ticket.visitId && onRate ? (
        <Button type='primary' block className='tap-target visit-group' onClick={onRate}>
          评价本次服务
        </Button>
      ) : null}
    </View>
  );
}
