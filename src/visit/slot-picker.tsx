import { Text, View } from '@tarojs/components';
import type { BookingHall } from '@contract/booking';
import { formatChineseDate, formatWeekday } from '@/lib/format-date';
import '@/ui/chips.scss';

export type SlotChoice = { hallId?: string; date?: string; slotStart?: string };

export type SlotPickerProps = {
  halls: BookingHall[];
  choice: SlotChoice;
  onChange: (choice: SlotChoice) => void;
};

type DayRow = { date: string; closedReason?: string };

/** The hall's open days and its closed days (disabled, with the reason), in date order. */
function dayRows(hall: BookingHall): DayRow[] {
  const rows: DayRow[] = hall.days.map((d) => ({ date: d.date }));
  for (const closed of hall.closedDays) rows.push({ date: closed.date, closedReason: closed.reason });
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

function shortDay(date: string): string {
  return formatChineseDate(date).replace(/^\d+年/, '');
}

/**
 * Hall (when the item is handled at several), day and slot, as chips: a closed day and a full slot
 * stay visible but cannot be chosen, and say why in words (colour is never the only cue).
 */
export function SlotPicker({ halls, choice, onChange }: SlotPickerProps) {
  const hall = halls.find((h) => h.hallId === choice.hallId) ?? (halls.length === 1 ? halls[0] : undefined);
  const day = hall?.days.find((d) => d.date === choice.date);
  return (
    <View>
      {halls.length > 1 ? (
        <View className='visit-group'>
          <Text className='visit-group__label'>选择大厅</Text>
          <View className='chips' role='radiogroup' aria-label='选择大厅'>
            {halls.map((h) => {
              const on = h.hallId === hall?.hallId;
              return (
                <View
                  key={h.hallId}
                  className={on ? 'chip chip--active visit-choice' : 'chip visit-choice'}
                  role='radio'
                  aria-checked={on}
                  onClick={() => onChange({ hallId: h.hallId })}
                >
                  <Text>{`${on ? '✓ ' : ''}${h.hallName}`}</Text>
                  <Text className='visit-choice__sub'>{h.address}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : hall ? (
        <View className='visit-group'>
          <Text className='visit-group__label'>办理大厅</Text>
          <Text className='visit-line'>{hall.hallName}</Text>
          <Text className='visit-line muted'>{hall.address}</Text>
        </View>
      ) : null}
      {hall ? (
        <View className='visit-group'>
          <Text className='visit-group__label'>选择日期</Text>
          {hall.days.length === 0 && hall.closedDays.length === 0 ? (
            <Text className='muted'>该大厅近期没有可预约的日期</Text>
          ) : null}
          <View className='chips' role='radiogroup' aria-label='选择日期'>
            {dayRows(hall).map((row) => {
              const on = row.date === day?.date;
              const closed = row.closedReason !== undefined;
              const classes = ['chip', 'visit-choice', on ? 'chip--active' : '', closed ? 'visit-choice--disabled' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <View
                  key={row.date}
                  className={classes}
                  role='radio'
                  aria-checked={on}
                  aria-disabled={closed}
                  onClick={() => (closed ? undefined : onChange({ hallId: hall.hallId, date: row.date }))}
                >
                  <Text>{`${on ? '✓ ' : ''}${shortDay(row.date)} ${formatWeekday(row.date)}`}</Text>
                  <Text className='visit-choice__sub'>{closed ? `不办公：${row.closedReason}` : '可预约'}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : null}
      {hall && day ? (
        <View className='visit-group'>
          <Text className='visit-group__label'>选择时段</Text>
          {day.slots.length === 0 ? <Text className='muted'>当天没有可预约的时段</Text> : null}
          <View className='chips' role='radiogroup' aria-label='选择时段'>
            {day.slots.map((slot) => {
              const on = slot.startsAt === choice.slotStart;
              const full = slot.remaining <= 0;
              const classes = ['chip', 'visit-choice', on ? 'chip--active' : '', full ? 'visit-choice--disabled' : '']
                .filter(Boolean)
                .join(' ');
              return (
                <View
                  key={slot.startsAt}
                  className={classes}
                  role='radio'
                  aria-checked={on}
                  aria-disabled={full}
                  onClick={() =>
                    full ? undefined : onChange({ hallId: hall.hallId, date: day.date, slotStart: slot.startsAt })
                  }
                >
                  <Text>{`${on ? '✓ ' : ''}${slot.start}–${slot.end}`}</Text>
                  <Text className='visit-choice__sub'>{full ? '已满' : `余 ${slot.remaining}`}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ) : null}
    </View>
  );
}
