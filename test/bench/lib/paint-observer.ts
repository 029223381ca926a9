/** What the page's observers saw, read back with `readPaints`. */
export interface Paints {
  lcp: number;
  lcpElement: string;
  fcp: number;
}

interface BenchWindow {
  __benchPaints?: Paints;
}

/**
 * Runs in the page before any of its scripts (addInitScript): keeps the latest
 * largest-contentful-paint candidate and first-contentful-paint, as Lighthouse reads them.
 */
export function observePaints(): void {
  const w = window as unknown as BenchWindow;
  const paints: Paints = { lcp: 0, lcpElement: '', fcp: 0 };
  w.__benchPaints = paints;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[]) {
      paints.lcp = entry.startTime;
      const el = entry.element;
      paints.lcpElement = el
        ? `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')} "${(el.textContent ?? '').slice(0, 30)}"`
        : '(removed)';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') paints.fcp = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
}

/** In the page: the paints observed so far. */
export function readPaints(): Paints {
  const paints = (window as unknown as BenchWindow).__benchPaints;
  return paints ? { ...paints } : { lcp: 0, lcpElement: '', fcp: 0 };
}
