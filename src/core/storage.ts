import Taro from '@tarojs/taro';

/** Every key this app writes starts with this, so "clear local data" removes exactly ours. */
const PREFIX = 'hsz:';

/** Reads a JSON value; anything unreadable or of the wrong shape is treated as absent. */
export function readStored<T>(key: string, isValid: (value: unknown) => value is T): T | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key);
    if (typeof raw !== 'string' || raw === '') return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable (private mode): the app keeps working from memory.
  }
}

export function removeStored(key: string): void {
  try {
    Taro.removeStorageSync(PREFIX + key);
  } catch {
    // Nothing to remove.
  }
}

export function clearAppStorage(): void {
  try {
    const { keys } = Taro.getStorageInfoSync();
    for (const key of keys) if (key.startsWith(PREFIX)) Taro.removeStorageSync(key);
  } catch {
    // Nothing stored.
  }
}

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
