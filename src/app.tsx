import { QueryClientProvider } from '@tanstack/react-query';
import Taro from '@tarojs/taro';
import { useEffect, useState, type PropsWithChildren } from 'react';
import { forgetPersonalDataOnSignOut } from '@/core/forget-personal-data';
import { keepKeyboardAccess } from '@/core/h5-keyboard-access';
import { httpHooks } from '@/core/http/client';
import { createQueryClient } from '@/core/query-client';
import { CareModeProvider } from '@/ui/care-mode';
import '@/ui/icons-setup';
import { routes } from '@/ui/routes';

/** Where the user was, so login can bring them back (never carries personal data: only page paths and codes). */
function currentPageUrl(): string | undefined {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1];
  if (!page?.route) return undefined;
  const route = page.route.startsWith('/') ? page.route : `/${page.route}`;
  const params = Object.entries((page.options ?? {}) as Record<string, string>)
    .filter(([key]) => key !== '$taroTimestamp' && key !== 'stamp')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return params ? `${route}?${params}` : route;
}

// On H5 every control the app and NutUI draw as an element with a role is reachable and usable by
// keyboard (a branch, so the other platforms' builds leave the module out).
if (process.env.TARO_ENV === 'h5') keepKeyboardAccess(document.body);

httpHooks.onSessionExpired = () => {
  const here = currentPageUrl();
  if (here?.startsWith('/me/account/login')) return;
  // Said on the login page rather than in a toast: the toast would vanish as the page changes, and
  // would put Taro's whole toast/modal module in the first download of every page on H5.
  void Taro.navigateTo({ url: routes.login(here, 'expired') });
};

export default function App({ children }: PropsWithChildren) {
  const [queryClient] = useState(createQueryClient);
  useEffect(() => forgetPersonalDataOnSignOut(queryClient), [queryClient]);
  return (
    <QueryClientProvider client={queryClient}>
      <CareModeProvider>{children}</CareModeProvider>
    </QueryClientProvider>
  );
}
