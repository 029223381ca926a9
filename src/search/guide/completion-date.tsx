import { Text, View } from '@tarojs/components';
import { formatChineseDate, formatWeekday } from '@/lib/format-date';
import { useWorkdayCalculator } from '@/ui/use-workday-calculator';

export type CompletionDateProps = { promisedDays: number };

/** "今天申请，预计…办结", counted in working days over the gateway's holiday calendar. */
export function CompletionDate({ promisedDays }: CompletionDateProps) {
  const { calculator, error } = useWorkdayCalculator();
  if (error) return <Text className='muted'>暂时无法计算预计办结日期</Text>;
  if (!calculator) return <Text className='muted'>正在计算预计办结日期…</Text>;
  const date = calculator.expectedCompletionDate(new Date(), promisedDays);
  return (
    <View className='completion' aria-live='polite'>
      <Text>今天申请，预计 </Text>
      <Text className='completion__date'>
        {formatChineseDate(date)}（{formatWeekday(date)}）
      </Text>
      <Text>{promisedDays === 0 ? ' 当场办结' : ' 前办结'}</Text>
      <Text className='completion__note'>按工作日计算，已扣除法定节假日，计入调休上班日</Text>
    </View>
  );
}
