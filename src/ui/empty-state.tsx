import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export type EmptyStateProps = {
  title: string;
  description?: string;
  /** Drawn above the title (an icon of src/ui/icons.ts); a search glass drawn in CSS otherwise. */
  icon?: ReactNode;
  /** The way on: every empty state offers one (去搜索事项, 返回首页…). */
  children?: ReactNode;
};

/**
 * Own markup, not NutUI's Empty: Empty imports NutUI's Button for its actions, and the tabs show
 * empty states, so it would put Button's script and styles into the weapp main package (+22.5 KiB,
 * over its budget; docs/ui.md). Its default pictures also come from JD's image CDN. The default
 * glass is CSS: an icon module here would be in every page that can show an empty state (the guide
 * is one of the H5 first pages).
 */
export function EmptyState({ title, description, icon, children }: EmptyStateProps) {
  return (
    <View className='state state--empty'>
      <View className='state__icon' aria-hidden='true'>
        {icon ?? <View className='state__glass' />}
      </View>
      <Text className='state__title'>{title}</Text>
      {description ? <Text className='state__message'>{description}</Text> : null}
      {children ? <View className='state__actions'>{children}</View> : null}
    </View>
  );
}
