/**
 * Page-side helpers for the long-list measurement: which element scrolls (Taro's H5 tab pages
 * scroll a `.taro_page` div, other pages the document), where it is, and a frame recorder.
 */
export interface ScrollState {
  atBottom: boolean;
  scrollTop: number;
  scrollHeight: number;
  itemCards: number;
}

interface FrameWindow {
  __benchFrames?: { on: boolean; times: number[] };
  /** The scroller, once found: looking it up styles every element, too costly per step. */
  __benchScroller?: Element;
}

/** In the page: where the list is scrolled to. */
export function scrollState(): ScrollState {
  // Everything inline: only this function's own text is sent into the page.
  const w = window as unknown as FrameWindow;
  let el: Element | undefined = w.__benchScroller?.isConnected ? w.__benchScroller : undefined;
  if (!el) {
    const doc = document.scrollingElement ?? document.documentElement;
    el = doc;
    if (doc.scrollHeight <= doc.clientHeight + 1) {
      for (const candidate of Array.from(document.querySelectorAll('*'))) {
        const overflow = getComputedStyle(candidate).overflowY;
        const room = candidate.scrollHeight - candidate.clientHeight;
        if ((overflow === 'auto' || overflow === 'scroll') && room > el.scrollHeight - el.clientHeight) el = candidate;
      }
    }
    if (el.scrollHeight > el.clientHeight + 1) w.__benchScroller = el;
  }
  return {
    atBottom: el.scrollTop + el.clientHeight >= el.scrollHeight - 2,
    scrollTop: el.scrollTop,
    scrollHeight: el.scrollHeight,
    itemCards: document.querySelectorAll('.item-card').length,
  };
}

/** In the page: record every animation frame's time until `stopFrames`. */
export function startFrames(): void {
  const state = { on: true, times: [] as number[] };
  (window as unknown as FrameWindow).__benchFrames = state;
  const tick = (t: number): void => {
    state.times.push(t);
    if (state.on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** In the page: stop recording and return the frame times. */
export function stopFrames(): number[] {
  const state = (window as unknown as FrameWindow).__benchFrames;
  if (!state) return [];
  state.on = false;
  return state.times;
}

/** In the page: every element node, for scale. */
export function domNodes(): number {
  return document.getElementsByTagName('*').length;
}

/**
 * Frames missed between recorded frames: a gap of k frame intervals means k − 1 frames were
 * dropped (the display refreshed without a new frame from the page).
 */
export function droppedFrames(times: readonly number[], intervalMs = 1000 / 60): number {
  let dropped = 0;
  for (let i = 1; i < times.length; i += 1)
    dropped += Math.max(0, Math.round((times[i] - times[i - 1]) / intervalMs) - 1);
  return dropped;
}
