import { ConfigProvider } from '@nutui/nutui-react-taro';
import type { PropsWithChildren } from 'react';
import { useCareMode } from './care-mode';
import { careTheme, normalTheme } from './theme';
import './theme.scss';

export type PageShellProps = PropsWithChildren<{ className?: string }>;

/**
 * The root of every page (mini-program pages have no shared DOM root): NutUI's theme as CSS
 * variables, and 关怀模式 through the same variables plus the `care` class our own styles read.
 */
export function PageShell({ className, children }: PageShellProps) {
  const { careMode } = useCareMode();
  const classes = ['page', careMode ? 'care' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <ConfigProvider className={classes} theme={careMode ? careTheme : normalTheme} direction='ltr'>
      {children}
    </ConfigProvider>
  );
}
