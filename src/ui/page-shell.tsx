import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useCareMode } from './care-mode';
import './theme.scss';

export type PageShellProps = PropsWithChildren<{ className?: string }>;

/** The root of every page: applies the theme and 关怀模式 (mini-program pages have no shared DOM root). */
export function PageShell({ className, children }: PageShellProps) {
  const { careMode } = useCareMode();
  const classes = ['page', careMode ? 'care' : '', className ?? ''].filter(Boolean).join(' ');
  return <View className={classes}>{children}</View>;
}
