import { env } from '@/core/env';

type KeyLike = { key: string; preventDefault: () => void };

/**
 * Space and Enter choose, as on a native checkbox or radio. H5 only: NutUI's choices listen to taps,
 * and the mini-programs have no keyboard.
 */
export function activationKeys(activate: () => void): { onKeyDown?: (e: KeyLike) => void } {
  if (env.platform !== 'h5') return {};
  return {
    onKeyDown: (e: KeyLike) => {
      if (e.key !== ' ' && e.key !== 'Enter') return;
      e.preventDefault();
      activate();
    },
  };
}
