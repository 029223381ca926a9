import { View } from '@tarojs/components';
import { Rate } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { env } from '@/core/env';

export type RateSliderProps = {
  /** What is rated, the slider's accessible name. */
  label: string;
  value?: number;
  onChange: (value: number) => void;
  /** The value in words, read out with it (e.g. 不满意, 2分, 未打分). */
  valueText: string;
  className?: string;
  /** Drawn under the stars (the level names). */
  children?: ReactNode;
};

const STARS = 5;
type KeyLike = { key: string; preventDefault: () => void };

/** The value a key moves to, as the WAI-ARIA rating slider does; undefined for other keys. */
function keyToValue(key: string, value: number | undefined): number | undefined {
  const now = value ?? 0;
  if (key === 'ArrowRight' || key === 'ArrowUp') return Math.min(STARS, now + 1);
  if (key === 'ArrowLeft' || key === 'ArrowDown') return Math.max(1, now - 1);
  if (key === 'Home') return 1;
  if (key === 'End') return STARS;
  const digit = Number(key);
  return Number.isInteger(digit) && digit >= 1 && digit <= STARS ? digit : undefined;
}

/**
 * NutUI's Rate (five stars, tapped) as a slider screen readers and keyboards can use. Rate draws
 * its stars with no role, name or key handling on any platform; the thin wrapper gives it the
 * slider role, its value in words and, on H5, the arrow, Home/End and digit keys.
 */
export function RateSlider({ label, value, onChange, valueText, className, children }: RateSliderProps) {
  const keys =
    env.platform === 'h5'
      ? {
          tabIndex: 0,
          onKeyDown: (e: KeyLike) => {
            const next = keyToValue(e.key, value);
            if (next === undefined) return;
            e.preventDefault();
            if (next !== value) onChange(next);
          },
        }
      : {};
  return (
    <View
      className={['rate-slider', className ?? ''].filter(Boolean).join(' ')}
      role='slider'
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={STARS}
      aria-valuenow={value ?? 0}
      aria-valuetext={valueText}
      {...keys}
    >
      <Rate count={STARS} min={1} value={value ?? 0} onChange={(v) => onChange(v)} />
      {children}
    </View>
  );
}
