import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

export type LightProps = PropsWithChildren<{
  className?: string;
  role?: string;
  onClick?: () => void;
  /** Mini-programs: the class while pressed. H5 styles :active instead (see the block's stylesheet). */
  hoverClass?: string;
}>;

/*
 * On H5 every Taro View and Text is a web component that is upgraded and drawn in a frame of its
 * own. A search result card is drawn eight times after every keystroke, so on H5 its parts are
 * plain elements (React DOM renders them straight away); the mini-programs keep Taro's.
 */

/** A block: a <div> on H5, a View elsewhere. */
export function LightBlock({ className, role, onClick, hoverClass, children }: LightProps) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <div className={className} role={role} onClick={onClick}>
        {children}
      </div>
    );
  }
  return (
    <View className={className} role={role} onClick={onClick} hoverClass={hoverClass}>
      {children}
    </View>
  );
}

/** Inline text: a <span> on H5, a Text elsewhere. */
export function LightText({ className, children }: Pick<LightProps, 'className' | 'children'>) {
  if (process.env.TARO_ENV === 'h5') return <span className={className}>{children}</span>;
  return <Text className={className}>{children}</Text>;
}
