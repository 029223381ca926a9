/**
 * Page-side helpers for "until it is on screen": a condition is watched with a
 * MutationObserver, and once it holds, the time after the next frame (requestAnimationFrame, then a
 * task) is taken as the moment it was painted.
 */
export interface PaintWatch {
  /** `timeStamp` of the last input event: the last keystroke. */
  lastInput: number;
  /** When the watched condition was first painted (0 until then). */
  painted: number;
}

interface WatchWindow {
  __benchWatch?: PaintWatch;
}

/** The condition is met when every such element exists with such text (no eval: CSP-safe). */
export interface TextCondition {
  selector: string;
  /** The element's text starts with this ('' = any text). */
  textStartsWith: string;
}

/** In the page: start watching for all `conditions` to hold after an input event. */
export function watchPaint(conditions: TextCondition[]): void {
  const watch: PaintWatch = { lastInput: 0, painted: 0 };
  (window as unknown as WatchWindow).__benchWatch = watch;
  const holds = (d: Document): boolean =>
    conditions.every((c) => (d.querySelector(c.selector)?.textContent ?? null)?.startsWith(c.textStartsWith) === true);
  document.addEventListener('input', (e) => (watch.lastInput = e.timeStamp), true);
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending || watch.lastInput === 0 || !holds(document)) return;
    pending = true;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (watch.painted = performance.now()), 0));
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** In the page: the watch so far. */
export function readPaintWatch(): PaintWatch {
  return { ...((window as unknown as WatchWindow).__benchWatch ?? { lastInput: 0, painted: 0 }) };
}

/** In the page: whether the watched condition has been painted. */
export function paintSeen(): boolean {
  return ((window as unknown as WatchWindow).__benchWatch?.painted ?? 0) > 0;
}
