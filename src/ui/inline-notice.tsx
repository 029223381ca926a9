import { View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import './inline-notice.scss';

export type Notice = { text: string; tone: 'info' | 'error' };

export type InlineNoticeProps = { notice?: Notice };

/**
 * A line of feedback next to what the user just did (收藏, 分享…), read out by screen readers.
 * Used where a toast would cost more than it says: on H5, Taro's toast module brings its modal
 * and action sheet with it (~6 KB gzip) into the page's first download.
 */
export function InlineNotice({ notice }: InlineNoticeProps) {
  if (!notice) return null;
  return (
    <View className={`inline-notice inline-notice--${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </View>
  );
}

/**
 * The notice to show and a way to show one. An info notice goes after `infoMs` unless told to
 * stay (something the user must act on, like a link to copy); an error stays until the next notice.
 */
export function useNotice(
  infoMs = 4000,
): [Notice | undefined, (text: string, tone?: Notice['tone'], stay?: boolean) => void] {
  const [notice, setNotice] = useState<Notice>();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const show = useCallback(
    (text: string, tone: Notice['tone'] = 'info', stay = tone === 'error') => {
      clearTimeout(timer.current);
      setNotice({ text, tone });
      if (!stay) timer.current = setTimeout(() => setNotice(undefined), infoMs);
    },
    [infoMs],
  );
  return [notice, show];
}
