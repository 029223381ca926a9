import { View } from '@tarojs/components';
import type { BookingSuspension } from '@contract/booking';
import { suspensionText } from './booking-labels';

export type SuspensionNoticeProps = { suspension: BookingSuspension | null | undefined };

/** Why booking is paused after repeated no-shows, and until when (30 days from the third). */
export function SuspensionNotice({ suspension }: SuspensionNoticeProps) {
  if (!suspension) return null;
  return (
    <View className='visit-notice' role='alert'>
      {suspensionText(suspension)}。暂停期间仍可到大厅现场取号办理。
    </View>
  );
}
