import { Text, View } from '@tarojs/components';
import type { NotificationItem } from '@contract/notification';
import { formatChineseDateTime } from '@/lib/format-date';

export type MessageRowProps = { message: NotificationItem; onOpen: (message: NotificationItem) => void };

/**
 * One message: unread ones are marked by a dot and a bold title. The dot is a picture named 未读,
 * so a screen reader says it before the title; the row's name stays its visible words.
 */
export function MessageRow({ message, onOpen }: MessageRowProps) {
  const unread = !message.readAt;
  return (
    <View
      className={`message tap-target${unread ? ' message--unread' : ''}`}
      role='link'
      onClick={() => onOpen(message)}
    >
      <View className='message__head'>
        {unread ? <View className='message__dot' role='img' aria-label='未读' /> : null}
        <Text className='message__title'>{message.title}</Text>
      </View>
      <Text className='message__body'>{message.body}</Text>
      <Text className='message__time'>{formatChineseDateTime(message.createdAt)}</Text>
    </View>
  );
}
