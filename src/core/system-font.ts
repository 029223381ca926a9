import Taro from '@tarojs/taro';

/** WeChat's standard text size; its settings go up in steps from here. */
const STANDARD_FONT_SIZE = 16;

/**
 * Whether the person has set WeChat's text size above standard (设置 → 通用 → 字体大小). WeChat's
 * guide for older users asks mini-programs to follow it; 关怀模式 is how this app does.
 * The other platforms do not expose the setting the same way: there it is the person's own choice.
 */
export function systemPrefersLargeText(): boolean {
  // A branch, not an early return: webpack drops a dead branch's imports, not dead code after a
  // return. On H5, Taro's getSystemInfoSync pulls in a user-agent parser (~42 KB of source).
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const { fontSizeSetting } = Taro.getSystemInfoSync();
      return typeof fontSizeSetting === 'number' && fontSizeSetting > STANDARD_FONT_SIZE;
    } catch {
      return false;
    }
  }
  return false;
}
