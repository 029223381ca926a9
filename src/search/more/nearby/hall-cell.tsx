import { Text, View } from '@tarojs/components';
import { Button, Cell, Tag } from '@nutui/nutui-react-taro';
import type { Hall } from '@contract/catalogue';
import { formatDistance } from '@/lib/distance';
import { describeOpeningHours, isOpenNow } from '@/lib/opening-hours';
import type { WorkdayCalculator } from '@/lib/workdays';
import { LocationF } from '@/ui/icons';
import { callHall, HALL_KIND_LABELS, useHallMap } from '../../hall-actions';
import './hall-cell.scss';

export type HallCellProps = { hall: Hall; calculator?: WorkdayCalculator; distanceMetres?: number };

/**
 * A hall or terminal as a NutUI Cell: its kind, distance and whether it is open now as Tags (in
 * words, not only colour), address and hours; map and phone as buttons of full target size.
 */
export function HallCell({ hall, calculator, distanceMetres }: HallCellProps) {
  const open = calculator ? isOpenNow(hall, new Date(), calculator) : undefined;
  const { mapFailed, openMap } = useHallMap(hall);
  return (
    <View className='hall-cell' role='listitem'>
      <Cell
        className='hall-cell__cell'
        align='flex-start'
        title={
          <View className='hall-cell__title'>
            <LocationF className='hall-cell__icon' />
            <Text className='hall-cell__name'>{hall.name}</Text>
          </View>
        }
        description={
          <View className='hall-cell__body'>
            <View className='hall-cell__tags'>
              {open === undefined ? null : (
                <Tag className='hall-cell__tag' type={open ? 'success' : 'default'}>
                  {open ? '营业中' : '已休息'}
                </Tag>
              )}
              {distanceMetres === undefined ? null : (
                <Tag className='hall-cell__tag' type='primary'>
                  距您{formatDistance(distanceMetres)}
                </Tag>
              )}
            </View>
            <Text className='hall-cell__meta'>{HALL_KIND_LABELS[hall.kind]}</Text>
            <Text className='hall-cell__meta'>{hall.address}</Text>
            <Text className='hall-cell__meta'>{describeOpeningHours(hall)}</Text>
            {hall.phone ? <Text className='hall-cell__meta'>电话 {hall.phone}</Text> : null}
            {hall.note ? <Text className='hall-cell__meta'>{hall.note}</Text> : null}
          </View>
        }
      />
      <View className='hall-cell__actions'>
        <Button className='tap-target hall-cell__action' size='small' onClick={openMap}>
          地图导航
        </Button>
        {hall.phone ? (
          <Button
            className='tap-target hall-cell__action'
            size='small'

            onClick={() => callHall(hall)}
          >
            拨打电话
          </Button>
        ) : null}
      </View>
      {mapFailed ? (
        <View className='hall-cell__note' role='alert'>
          无法打开地图，请在地图应用中搜索上面的地址
        </View>
      ) : null}
    </View>
  );
}
