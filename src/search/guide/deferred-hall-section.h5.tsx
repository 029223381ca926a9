import { Text, View } from '@tarojs/components';
import { useEffect, useState, type ComponentType } from 'react';
import type { HallSectionProps } from './hall-section';

const PLACEHOLDER_ID = 'guide-halls';

/**
 * H5: 办理地点 sits far below the first screen, and its code (cards, opening hours, distances, map
 * and phone) is ~2 KB gzip the first paint does not need. It is fetched when the section comes
 * within a screen of the viewport (at once where IntersectionObserver is missing), so a reader
 * scrolling down finds it drawn; a failed fetch says so and retries on a tap.
 */
export function DeferredHallSection(props: HallSectionProps) {
  const [Section, setSection] = useState<ComponentType<HallSectionProps>>();
  const [state, setState] = useState<'waiting' | 'loading' | 'failed'>('waiting');

  const load = () => {
    setState('loading');
    import('./hall-section').then(
      (module) => setSection(() => module.HallSection),
      () => setState('failed'),
    );
  };

  useEffect(() => {
    const placeholder = document.getElementById(PLACEHOLDER_ID);
    if (!placeholder || typeof IntersectionObserver === 'undefined') {
      load();
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(placeholder);
    return () => observer.disconnect();
    // Once per page: the halls come with the guide and do not change while it is shown.
  }, []);

  if (Section) return <Section {...props} />;
  return (
    <View className='section' id={PLACEHOLDER_ID}>
      <Text className='section__title'>办理地点</Text>
      {state === 'failed' ? (
        <View className='guide__halls-retry tap-target' role='button' onClick={load}>
          办理地点加载失败，点此重试
        </View>
      ) : (
        <Text className='muted' aria-busy='true'>
          正在加载办理地点…
        </Text>
      )}
    </View>
  );
}
