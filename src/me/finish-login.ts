import Taro from '@tarojs/taro';
import { navigate } from '@/ui/navigate';
import { routes, tabPaths } from '@/ui/routes';

/** Back to where the user was before login; only in-app paths are followed. */
export function finishLogin(redirect: string | undefined): void {
  const target = redirect ? decodeURIComponent(redirect) : '';
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/me/login')) {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else navigate(routes.me);
    return;
  }
  if (tabPaths.includes(target.split('?')[0])) navigate(target);
  else void Taro.redirectTo({ url: target });
}
