import type { Page } from 'playwright-core';

/** One thing wrong on a screen, as the audit reports it. */
export interface LayoutFinding {
  kind: 'overlap' | 'text-overflow' | 'tap-target' | 'nutui-red';
  /** The element, as `tag.class "text"`. */
  element: string;
  detail: string;
}

/** What a person can tap or focus: native controls, ARIA widgets, NutUI's and the app's buttons. */
export const INTERACTIVE_SELECTOR = [
  'a[href]',
  'button',
  'input:not([type=hidden])',
  'select',
  'textarea',
  '[role=button]',
  '[role=switch]',
  '[role=checkbox]',
  '[role=radio]',
  '[role=link]',
  '[role=tab]',
  '[role=menuitem]',
  'taro-button-core',
  '.action-button',
].join(', ');

/**
 * Elements drawn in one of `colours` (`rgb(r, g, b)`): text, background, gradient or border.
 * Used for NutUI's default reds, which no page may show.
 */
export async function elementsPaintedIn(page: Page, colours: string[]): Promise<LayoutFinding[]> {
  return page.evaluate((forbidden) => {
    const hits: { kind: 'nutui-red'; element: string; detail: string }[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(element);
      const painted = [
        style.color,
        style.backgroundColor,
        style.backgroundImage,
        style.borderTopColor,
        style.borderBottomColor,
        style.borderLeftColor,
        style.borderRightColor,
      ].join(' ');
      const match = forbidden.find((colour) => painted.includes(colour));
      if (!match) continue;
      const text = (element.textContent ?? '').trim().slice(0, 20);
      const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/).slice(0, 3) : [];
      hits.push({
        kind: 'nutui-red',
        element: `${element.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}${text ? ` "${text}"` : ''}`,
        detail: match,
      });
    }
    return hits;
  }, colours);
}

/**
 * Layout problems a person would see or feel at this viewport: interactive elements drawn over each
 * other, text spilling out of (or cut off by) its box, tap targets under `minTarget` px on a side.
 * Everything in one pass in the page (no helper may live outside the function: it is sent as source).
 */
export async function layoutFindings(page: Page, minTarget: number): Promise<LayoutFinding[]> {
  return page.evaluate(
    ({ selector, min }) => {
      const out: { kind: 'overlap' | 'text-overflow' | 'tap-target'; element: string; detail: string }[] = [];
      const describe = (el: Element): string => {
        const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean) : [];
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
        return `${el.tagName.toLowerCase()}${classes
          .slice(0, 3)
          .map((c) => `.${c}`)
          .join('')}${label ? ` "${label}"` : ''}`;
      };
      const shown = (el: Element): DOMRect | undefined => {
        const rect = el.getBoundingClientRect();
        if (rect.width < 1 || rect.height < 1) return undefined;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || Number(style.opacity) === 0) return undefined;
        return rect;
      };

      // Interactive elements; of nested ones (NutUI's button host and its inner button) the outermost counts.
      const all = Array.from(document.querySelectorAll(selector));
      const targets = all
        .filter((el) => !all.some((other) => other !== el && other.contains(el)))
        .map((el) => ({ el, rect: shown(el) }))
        .filter((t): t is { el: Element; rect: DOMRect } => t.rect !== undefined);

      for (const { el, rect } of targets) {
        if (rect.width + 0.5 < min || rect.height + 0.5 < min) {
          out.push({
            kind: 'tap-target',
            element: describe(el),
            detail: `${Math.round(rect.width)}×${Math.round(rect.height)} px (< ${min}×${min})`,
          });
        }
      }
      // Content scrolls under fixed bars (the tab bar): that is scrolling, not two controls on one spot.
      const pinned = (el: Element): boolean => {
        for (let n: Element | null = el; n; n = n.parentElement) {
          if (/^(fixed|sticky)$/.test(getComputedStyle(n).position)) return true;
        }
        return false;
      };
      // The part of an element its scrolling ancestors let show: a card scrolled out of Taro's page
      // box lies under the tab bar geometrically but is not drawn there.
      const drawn = (el: Element, rect: DOMRect) => {
        let { left, top, right, bottom } = rect;
        for (let n = el.parentElement; n; n = n.parentElement) {
          const style = getComputedStyle(n);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const box = n.getBoundingClientRect();
          left = Math.max(left, box.left);
          top = Math.max(top, box.top);
          right = Math.min(right, box.right);
          bottom = Math.min(bottom, box.bottom);
        }
        return { left, top, right, bottom };
      };
      const clipped = targets.map((t) => drawn(t.el, t.rect));
      for (let i = 0; i < targets.length; i += 1) {
        for (let j = i + 1; j < targets.length; j += 1) {
          if (pinned(targets[i].el) !== pinned(targets[j].el)) continue;
          const a = clipped[i];
          const b = clipped[j];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          // A shared 1 px border is not an overlap.
          if (w > 2 && h > 2) {
            out.push({
              kind: 'overlap',
              element: describe(targets[i].el),
              detail: `overlaps ${describe(targets[j].el)} by ${Math.round(w)}×${Math.round(h)} px`,
            });
          }
        }
      }

      // Text: each element with its own text, whose text runs past its box (spills out or is cut off).
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const ownText = Array.from(el.childNodes).some(
          (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
        );
        if (!ownText || !shown(el)) continue;
        const style = getComputedStyle(el);
        if (style.display === 'inline') continue;
        const overX = el.scrollWidth - el.clientWidth;
        const overY = el.scrollHeight - el.clientHeight;
        const scrolls = /(auto|scroll)/.test(style.overflowX + style.overflowY);
        // Deliberate truncation (ellipsis, line clamp) is a design choice, not an overflow.
        const truncated = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
        if (scrolls || truncated || el.clientWidth === 0) continue;
        if (overX > 1 || overY > 2) {
          out.push({
            kind: 'text-overflow',
            element: describe(el),
            detail: `text ${overX > 1 ? `${overX} px wider` : `${overY} px taller`} than its box (${style.overflow === 'visible' ? 'spills out' : 'cut off'})`,
          });
        }
      }
      return out;
    },
    { selector: INTERACTIVE_SELECTOR, min: minTarget },
  );
}
