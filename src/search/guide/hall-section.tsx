import { Text, View } from '@tarojs/components';
import type { Hall } from '@contract/catalogue';
import type { WorkdayCalculator } from '@/lib/workdays';
import { HallCard } from '../hall-card';

export type HallSectionProps = { halls: Hall[]; calculator?: WorkdayCalculator };

/** 办理地点: the halls and terminals where the item can be done, open now or not. */
export function HallSection({ halls, calculator }: HallSectionProps) {
  return (
    <View className='section' role='list' aria-label='办理地点'>
      <Text className='section__title'>办理地点</Text>
      {halls.map((hall) => (
        <HallCard key={hall.id} hall={hall} calculator={calculator} />
      ))}
    </View>
  );
}
