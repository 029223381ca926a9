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

type ChoiceChipProps = {
  on: boolean;
  /** Shown, but cannot be chosen: `sub` says why. */
  disabled?: boolean;
  label: string;
  sub: string;
  onChoose: () => void;
};

/** One choice of a radio group, as a chip; the tick and the words say it is chosen, not only colour. */
function ChoiceChip({ on, disabled = false, label, sub, onChoose }: ChoiceChipProps) {
  const classes = ['chip', 'visit-choice', on ? 'chip--active' : '', disabled ? 'visit-choice--disabled' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <View
      className={classes}
      role='radio'
      aria-checked={on}
      aria-disabled={disabled}
      onClick={() => (disabled ? undefined : onChoose())}
    >
      <Text>{`${on ? '✓ ' : ''}${label}`}</Text>
      <Text className='visit-choice__sub'>{sub}</Text>
    </View>
  );
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
            {halls.map((h) => (
              <ChoiceChip
                key={h.hallId}
                on={h.hallId === hall?.hallId}
                label={h.hallName}
                sub={h.address}
                onChoose={() => onChange({ hallId: h.hallId })}
              />
            ))}
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
            {dayRows(hall).map((row) => (
              <ChoiceChip
                key={row.date}
                on={row.date === day?.date}
                disabled={row.closedReason !== undefined}
                label={`${shortDay(row.date)} ${formatWeekday(row.date)}`}
                sub={row.closedReason !== undefined ? `不办公：${row.closedReason}` : '可预约'}
                onChoose={() => onChange({ hallId: hall.hallId, date: row.date })}
              />
            ))}
          </View>
        </View>
      ) : null}
      {hall && day ? (
        <View className='visit-group'>
          <Text className='visit-group__label'>选择时段</Text>
          {day.slots.length === 0 ? <Text className='muted'>当天没有可预约的时段</Text> : null}
          <View className='chips' role='radiogroup' aria-label='选择时段'>
            {day.slots.map((slot) => (
              <ChoiceChip
                key={slot.startsAt}
                on={slot.startsAt === choice.slotStart}
                disabled={slot.remaining <= 0}
                label={`${slot.start}–${slot.end}`}
                sub={slot.remaining <= 0 ? '已满' : `余 ${slot.remaining}`}
                onChoose={() => onChange({ hallId: hall.hallId, date: day.date, slotStart: slot.startsAt })}
              />
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
