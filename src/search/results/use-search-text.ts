import { useEffect, useRef, useState } from 'react';

/**
 * The search box's text and the query searched for. Typing settles `delayMs` after the last
 * keystroke, timed from the keystroke itself (not from the render that follows it); a choice — a
 * history chip, 清除, a query handed over from another page — searches at once.
 * `onTypingSettled` runs when typing settles, in the timer's own task, and the query follows in the
 * next task, so the request is on its way before the page redraws. `initial` is searched from the
 * first render.
 */
export function useSearchText(delayMs: number, onTypingSettled: (q: string) => void, initial = '') {
  const [text, setText] = useState(initial);
  const [q, setQ] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const settled = useRef(onTypingSettled);
  settled.current = onTypingSettled;
  useEffect(() => () => clearTimeout(timer.current), []);

  return {
    text,
    q,
    /** A keystroke: search once typing pauses. */
    type(value: string) {
      setText(value);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        settled.current(value.trim());
        // The redraw for the new query waits a task, so the browser sends the request first
        // (in Chromium it otherwise left after the redraw and its paint, ~25 ms later at 4× CPU).
        timer.current = setTimeout(() => setQ(value.trim()), 0);
      }, delayMs);
    },
    /** A chosen query: search now. */
    choose(value: string) {
      clearTimeout(timer.current);
      setText(value);
      setQ(value.trim());
    },
  };
}
