import Taro from '@tarojs/taro';
import { tabPaths } from './routes';

/** Opens a page, choosing switchTab for tab pages, with a clear message if it fails. */
export function navigate(url: string): void {
  const path = url.split('?')[0];
  const go = tabPaths.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url });
  go.catch(() => {
    // The page stack is full (10 pages on WeChat): replace the current page instead.
    if (!tabPaths.includes(path)) void Taro.redirectTo({ url });
  });
}

export function goBackOr(url: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else navigate(url);
}
