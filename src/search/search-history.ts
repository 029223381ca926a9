import { isStringArray, readStored, removeStored, writeStored } from '@/core/storage';

const HISTORY_KEY = 'search.history';
const HISTORY_LIMIT = 10;

export function readSearchHistory(): string[] {
  return readStored(HISTORY_KEY, isStringArray) ?? [];
}

/** Most recent first, no duplicates, at most ten. */
export function rememberSearch(query: string): string[] {
  const text = query.trim();
  if (!text) return readSearchHistory();
  const next = [text, ...readSearchHistory().filter((q) => q !== text)].slice(0, HISTORY_LIMIT);
  writeStored(HISTORY_KEY, next);
  return next;
}

export function clearSearchHistory(): void {
  removeStored(HISTORY_KEY);
}
