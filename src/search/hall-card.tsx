import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Hall } from '@contract/catalogue';
import { useState } from 'react';
import { formatDistance } from '@/lib/distance';
import { describeOpeningHours, isOpenNow } from '@/lib/opening-hours';
import type { WorkdayCalculator } from '@/lib/workdays';
import './hall-card.scss';

const KIND_LABELS: Record<Hall['kind'], string> = {
  hall: '政务服务中心',
  centre: '便民服务中心',
  terminal: '24小时自助终端',
};

export type HallCardProps = { hall: Hall; calculator?: WorkdayCalculator; distanceMetres?: number };

/** A hall or terminal: open now (in words, not only colour), hours, distance, map and phone. */
export function HallCard({ hall, calculator, distanceMetres }: HallCardProps) {
  const open = calculator ? isOpenNow(hall, new Date(), calculator) : undefined;
  // Said on the card, not in a toast (Taro's toast would add ~6 KB to the guide on H5).
  const [mapFailed, setMapFailed] = useState(false);
  return (
    <View className='hall' role='listitem'>
      <View className='hall__head'>
        <Text className='hall__name'>{hall.name}</Text>
        {open === undefined ? null : (
          <Text className={open ? 'hall__open' : 'hall__closed'}>{open ? '● 营业中' : '○ 已休息'}</Text>
        )}
      </View>
      <Text className='hall__meta'>
        {KIND_LABELS[hall.kind]}
        {distanceMetres === undefined ? '' : ` · 距您${formatDistance(distanceMetres)}`}
      </Text>
      <Text className='hall__meta'>{hall.address}</Text>
      <Text className='hall__meta'>{describeOpeningHours(hall)}</Text>
      {hall.note ? <Text className='hall__meta'>{hall.note}</Text> : null}
      <View className='hall__actions'>
        <View
          className='hall__action tap-target'
          role='button'
          onClick={() =>
            void Taro.openLocation({
              latitude: hall.latitude,
              longitude: hall.longitude,
              name: hall.name,
              address: hall.address,
              scale: 16,
            }).then(
              () => setMapFailed(false),
              () => setMapFailed(true),
            )
          }
        >
          地图导航
        </View>
        {hall.phone ? (
          <View
            className='hall__action tap-target'
            role='button'
            onClick={() => void Taro.makePhoneCall({ phoneNumber: hall.phone }).catch(() => undefined)}
          >
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
