import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Hall } from '@contract/catalogue';

/** What kind of place a hall is, in the words the district uses. */
export const HALL_KIND_LABELS: Record<Hall['kind'], string> = {
  hall: '政务服务中心',
  centre: '便民服务中心',
  terminal: '24小时自助终端',
};

/**
 * Opens the hall in the platform's map. `mapFailed` is for saying so on the hall itself, not in a
 * toast (the row is where the person looked, and Taro's toast would add ~6 KB to the guide on H5).
 */
export function useHallMap(hall: Hall): { mapFailed: boolean; openMap: () => void } {
  const [mapFailed, setMapFailed] = useState(false);
  const openMap = () =>
    void Taro.openLocation({
      latitude: hall.latitude,
      longitude: hall.longitude,
      name: hall.name,
      address: hall.address,
      scale: 16,
    }).then(
      () => setMapFailed(false),
      () => setMapFailed(true),
    );
  return { mapFailed, openMap };
}

/** Calls the hall; a cancelled call is no error. */
export function callHall(hall: Hall): void {
  if (hall.phone) void Taro.makePhoneCall({ phoneNumber: hall.phone }).catch(() => undefined);
}
