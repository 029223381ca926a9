import { median } from './stats';

/** `share`: a fraction (0.93 prints as 93.0 %); `chunks`: a count that may be fractional (1 MiB units). */
export type Unit = 'bytes' | 'ms' | 'score' | 'count' | 'req/s' | 'frames' | 'share' | 'chunks';

export interface Target {
  /** As printed, e.g. "≤ 1.5× floor and < 590 KB". */
  text: string;
  met: boolean;
}

/** One line of the table: a median beside the floor's median, with the samples behind both. */
export interface Figure {
  section: string;
  name: string;
  unit: Unit;
  /** Median of `runs`; null when not measured (then `note` says why). */
  value: number | null;
  runs: number[];
  /** The floor's median for the same figure; null where the floor has no such thing. */
  floor: number | null;
  floorRuns: number[];
  ratio: number | null;
  target?: Target;
  note?: string;
}

export interface FigureInput {
  section: string;
  name: string;
  unit: Unit;
  runs: number[];
  floorRuns?: number[];
  /** Decides met/not met from the medians (floor may be null). */
  target?: { text: string; check: (value: number, floor: number | null) => boolean };
  note?: string;
}

/** Builds a figure from raw samples: medians, ratio to the floor and the target verdict. */
export function figure(input: FigureInput): Figure {
  const value = input.runs.length > 0 ? median(input.runs) : null;
  const floorRuns = input.floorRuns ?? [];
  const floor = floorRuns.length > 0 ? median(floorRuns) : null;
  const ratio = value !== null && floor !== null && floor !== 0 ? value / floor : null;
  return {
    section: input.section,
    name: input.name,
    unit: input.unit,
    value,
    runs: input.runs,
    floor,
    floorRuns,
    ratio,
    target:
      input.target && value !== null
        ? { text: input.target.text, met: input.target.check(value, floor) }
        : input.target
          ? { text: input.target.text, met: false }
          : undefined,
    note: input.note,
  };
}

/** A line for something not measured (yet), printed with its reason. */
export function notMeasured(section: string, name: string, note: string): Figure {
  return { section, name, unit: 'count', value: null, runs: [], floor: null, floorRuns: [], ratio: null, note };
}

export const KB = 1024;

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return '—';
  switch (unit) {
    case 'bytes':
      return `${(value / KB).toFixed(1)} KB`;
    case 'ms':
      return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
    case 'score':
      return value.toFixed(2);
    case 'req/s':
      return `${Math.round(value)} req/s`;
    case 'count':
    case 'frames':
      return String(Math.round(value));
    case 'share':
      return `${(value * 100).toFixed(1)} %`;
    case 'chunks':
      return value.toFixed(2);
  }
}

export function formatRatio(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${ratio.toFixed(2)}×`;
}
