import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './action-button.scss';

export type ActionButtonProps = {
  children: ReactNode;
  onClick?: () => void;
  /** `share`: the mini-program's own share sheet (no onClick needed). */
  openType?: 'share';
  /** For a toggle (收藏): whether it is on, for screen readers. */
  pressed?: boolean;
  /** `primary` for the page's main way forward, `plain` for the others. */
  variant?: 'primary' | 'plain';
  /** Full width. */
  block?: boolean;
  /** Work under way: shows the platform's spinner and ignores taps, so a double tap sends once. */
  loading?: boolean;
  className?: string;
};

/**
 * The buttons of the tabs, the guide and the states every page shows (error, log in). In the
 * mini-programs it is the platform's own button in the app's colours: NutUI's Button would put its
 * whole stylesheet and its icon set into the main package, which every cold start downloads
 * (~25 KB on weapp), and into the guide, where shared links land. The forms in the other
 * subpackages keep NutUI. On H5, Taro's button is a web component with WeUI's button styles, all
 * overridden here, and no button role; a plain element with the role is lighter (~2 KB gzip on
 * every first page) and says what it is.
 */
export function ActionButton({
  children,
  onClick,
  openType,
  pressed,
  variant = 'plain',
  block,
  loading,
  className,
}: ActionButtonProps) {
  const classes = ['action-button', `action-button--${variant}`, block ? 'action-button--block' : '', 'tap-target']
    .concat(className ?? [])
    .filter(Boolean)
    .join(' ');
  const tap = () => {
    if (!loading) onClick?.();
  };
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View
        className={classes}
        role='button'
        aria-busy={loading ? 'true' : undefined}
        aria-pressed={pressed}
        onClick={tap}
      >
        {loading ? <View className='action-button__spinner' /> : null}
        {children}
      </View>
    );
  } else {
    // An else, not code after a return: webpack drops a dead branch's imports, not dead code after it.
    return (
      <Button
        className={classes}
        loading={loading}
        openType={openType}
        aria-busy={loading ? 'true' : undefined}
        aria-pressed={pressed}
        onClick={tap}
      >
        {children}
      </Button>
    );
  }
}
