import { Text, View } from '@tarojs/components';
import type { Hall } from '@contract/catalogue';
import { formatDistance } from '@/lib/distance';
import { describeOpeningHours, isOpenNow } from '@/lib/opening-hours';
import type { WorkdayCalculator } from '@/lib/workdays';
import { callHall, HALL_KIND_LABELS, useHallMap } from './hall-actions';
import './hall-card.scss';

export type HallCardProps = { hall: Hall; calculator?: WorkdayCalculator; distanceMetres?: number };

/** A hall or terminal: open now (in words, not only colour), hours, distance, map and phone. */
export function HallCard({ hall, calculator, distanceMetres }: HallCardProps) {
  const open = calculator ? isOpenNow(hall, new Date(), calculator) : undefined;
  const { mapFailed, openMap } = useHallMap(hall);
  return (
    <View className='hall' role='listitem'>
      <View className='hall__head'>
        <Text className='hall__name'>{hall.name}</Text>
        {open === undefined ? null : (
          <Text className={open ? 'hall__open' : 'hall__closed'}>{open ? '● 营业中' : '○ 已休息'}</Text>
        )}
      </View>
      <Text className='hall__meta'>
        {HALL_KIND_LABELS[hall.kind]}
        {distanceMetres === undefined ? '' : ` · 距您${formatDistance(distanceMetres)}`}
      </Text>
      <Text className='hall__meta'>{hall.address}</Text>
      <Text className='hall__meta'>{describeOpeningHours(hall)}</Text>
      {hall.note ? <Text className='hall__meta'>{hall.note}</Text> : null}
      <View className='hall__actions'>
        <View className='hall__action tap-target' role='button' onClick={openMap}>
          地图导航
        </View>
        {hall.phone ? (
          <View className='hall__action tap-target' role='button' onClick={() => callHall(hall)}>
            电话 {hall.phone}
          </View>
        ) : null}
      </View>
      {mapFailed ? (
        <View className='hall__note' role='alert'>
          无法打开地图，请在地图应用中搜索上面的地址
        </View>
      ) : null}
    </View>
  );
}
