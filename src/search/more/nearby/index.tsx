import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@nutui/nutui-react-taro';
import { useMemo, useState } from 'react';
import type { HallKind } from '@contract/catalogue';
import { catalogueApi } from '@/core/api/catalogue';
import { queryKeys } from '@/core/query-keys';
import { distanceMetres, wgs84ToGcj02, type LatLng } from '@/lib/distance';
import { ActionButton } from '@/ui/action-button';
import { EmptyState } from '@/ui/empty-state';
import { ErrorState } from '@/ui/error-state';
import { LoadingState } from '@/ui/loading-state';
import { PageShell } from '@/ui/page-shell';
import { useWorkdayCalculator } from '@/ui/use-workday-calculator';
import { HallCell } from './hall-cell';
import '@/ui/chips.scss';
import './index.scss';

type LocationState = { status: 'idle' | 'locating' | 'denied' } | { status: 'located'; position: LatLng };

const KIND_FILTERS: { value: HallKind | undefined; label: string }[] = [
  { value: undefined, label: '全部' },
  { value: 'hall', label: '政务服务中心' },
  { value: 'centre', label: '街道便民服务中心' },
  { value: 'terminal', label: '24小时自助终端' },
];

/** 就近办: halls and 24h terminals, nearest first once the user allows location. */
export default function NearbyPage() {
  const halls = useQuery({ queryKey: queryKeys.halls, queryFn: ({ signal }) => catalogueApi.halls(signal) });
  const { calculator } = useWorkdayCalculator();
  const [location, setLocation] = useState<LocationState>({ status: 'idle' });
  const [kind, setKind] = useState<HallKind | undefined>();

  const locate = () => {
    setLocation({ status: 'locating' });
    // The halls are in GCJ-02, which the mini-programs give. A browser gives only WGS-84 (asked for
    // GCJ-02, Taro's H5 getLocation always fails), so there the position is converted here.
    const h5 = process.env.TARO_ENV === 'h5';
    Taro.getLocation({ type: h5 ? 'wgs84' : 'gcj02' })
      .then((res) => {
        const position = { latitude: res.latitude, longitude: res.longitude };
        setLocation({ status: 'located', position: h5 ? wgs84ToGcj02(position) : position });
      })
      .catch(() => setLocation({ status: 'denied' }));
  };

  const sorted = useMemo(() => {
    const list = (halls.data?.halls ?? []).filter((h) => !kind || h.kind === kind);
    if (location.status !== 'located') return list.map((hall) => ({ hall, distance: undefined }));
    return list
      .map((hall) => ({ hall, distance: distanceMetres(location.position, hall) }))
      .sort((a, b) => a.distance - b.distance);
  }, [halls.data, kind, location]);

  return (
    <PageShell>
      <View className='section'>
        {location.status === 'located' ? (
          <Text className='muted'>已按距离由近到远排列</Text>
        ) : (
          <>
            <Text className='nearby__intro muted'>
              {location.status === 'denied'
                ? '未能获取您的位置（可能未授权），已按名称排列。可在设置中允许定位后重试。'
                : '允许获取位置后，可按距离由近到远排列。位置仅用于排序，不会上传。'}
            </Text>
            <View className='nearby__locate'>
              <Button className='tap-target' type='primary' loading={location.status === 'locating'} onClick={locate}>
                {location.status === 'denied' ? '重新定位' : '使用我的位置'}
              </Button>
            </View>
          </>
        )}
        <View className='chips' style={{ marginTop: '12px' }}>
          {KIND_FILTERS.map((f) => (
            <View
              key={f.label}
              className={kind === f.value ? 'chip chip--active' : 'chip'}
              role='button'
              aria-pressed={kind === f.value}
              onClick={() => setKind(f.value)}
            >
              {kind === f.value ? '✓ ' : ''}
              {f.label}
            </View>
          ))}
        </View>
      </View>
      {halls.isPending ? <LoadingState /> : null}
      {halls.isError ? <ErrorState error={halls.error} onRetry={() => void halls.refetch()} /> : null}
      {halls.data && sorted.length === 0 ? (
        <EmptyState title='没有这一类办理地点' description='可以看看其他类型的大厅和自助终端'>
          <ActionButton variant='primary' onClick={() => setKind(undefined)}>
            查看全部地点
          </ActionButton>
        </EmptyState>
      ) : null}
      {sorted.length > 0 ? (
        <View className='section nearby__halls' role='list' aria-label='办理地点'>
          {sorted.map(({ hall, distance }) => (
            <HallCell key={hall.id} hall={hall} calculator={calculator} distanceMetres={distance} />
          ))}
        </View>
      ) : null}
    </PageShell>
  );
}
