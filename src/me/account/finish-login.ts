import Taro from '@tarojs/taro';
import { navigate } from '@/ui/navigate';
import { routes, tabPaths } from '@/ui/routes';

/** Back to where the user was before login; only in-app paths are followed. */
export function finishLogin(redirect: string | undefined): void {
  const target = redirect ? decodeURIComponent(redirect) : '';
  if (!target.startsWith('/') || target.startsWith('//') || target.startsWith('/me/account/login')) {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else navigate(routes.me);
    return;
  }
  const targetPath = target.split('?')[0];
  if (tabPaths.includes(targetPath)) return navigate(target);
  // Usually the page that sent the user here is right below: go back to it, state and all.
  const pages = Taro.getCurrentPages();
  const previous = pages[pages.length - 2];
  if (previous?.route && `/${previous.route.replace(/^\//, '')}` === targetPath) void Taro.navigateBack();
  else void Taro.redirectTo({ url: target });
}
