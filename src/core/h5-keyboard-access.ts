/**
 * H5 only. The app draws its controls as elements with a role (a View with role='button' is
 * lighter than a native button on every platform), and NutUI's as Taro Views. A browser does not
 * make those reachable or usable by keyboard, and Taro writes NutUI's `ariaRole` prop as an
 * `aria-role` attribute, which is no ARIA attribute (axe: aria-valid-attr, critical). Once, for the
 * whole document, as elements are drawn:
 * - every element with an interactive role joins the tab order (unless it says where it belongs);
 * - NutUI's buttons (Taro's button element, no role of its own) become buttons, disabled ones
 *   marked so and out of the tab order;
 * - each page's scrolling box can take focus, so the keyboard can scroll it;
 * - Enter and Space activate a button, link, tab or menu item, as they would a native one
 *   (checkboxes, radios and switches handle their own keys: see src/ui/labelled-*.tsx);
 * - `aria-role` attributes are removed.
 * Returns the undo.
 */
const INTERACTIVE_ROLES = ['button', 'link', 'tab', 'menuitem', 'option', 'checkbox', 'radio', 'switch', 'slider'];
const INTERACTIVE = INTERACTIVE_ROLES.map((role) => `[role="${role}"]`).join(',');
const ACTIVATED_BY_KEYS = new Set(['button', 'link', 'tab', 'menuitem', 'option']);

/** NutUI's Button on H5: Taro's button element, with no role of its own. */
const TARO_BUTTON = 'taro-button-core';
/** Taro's H5 page: the box a page scrolls in. */
const TARO_PAGE = '.taro_page';

function prepare(element: Element): void {
  if (element.hasAttribute('aria-role')) element.removeAttribute('aria-role');
  if (element.matches(TARO_BUTTON) && !element.hasAttribute('role')) element.setAttribute('role', 'button');
  if (element.matches(TARO_BUTTON)) {
    // Taro writes every prop as an attribute: a button that may be disabled says disabled="false".
    const disabled = element.hasAttribute('disabled') && element.getAttribute('disabled') !== 'false';
    element.setAttribute('aria-disabled', String(disabled));
    if (disabled) element.setAttribute('tabindex', '-1');
    else if (element.getAttribute('tabindex') === '-1') element.removeAttribute('tabindex');
  }
  // A page that scrolls can be scrolled by keyboard, whatever it holds (axe: scrollable-region-focusable).
  if (element.matches(TARO_PAGE) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '0');
  if (
    element.matches(INTERACTIVE) &&
    !element.hasAttribute('tabindex') &&
    element.getAttribute('aria-disabled') !== 'true'
  ) {
    element.setAttribute('tabindex', '0');
  }
}

function prepareTree(root: Element): void {
  prepare(root);
  root.querySelectorAll(`[aria-role],${TARO_BUTTON},${TARO_PAGE},${INTERACTIVE}`).forEach(prepare);
}

function activateOnKeys(event: KeyboardEvent): void {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  const role = target.getAttribute('role');
  if (!role || !ACTIVATED_BY_KEYS.has(role) || target.getAttribute('aria-disabled') === 'true') return;
  event.preventDefault();
  target.click();
}

export function keepKeyboardAccess(root: HTMLElement): () => void {
  prepareTree(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes' && record.target instanceof Element) prepare(record.target);
      record.addedNodes.forEach((node) => {
        if (node instanceof Element) prepareTree(node);
      });
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-role', 'role', 'disabled'],
  });
  root.addEventListener('keydown', activateOnKeys);
  return () => {
    observer.disconnect();
    root.removeEventListener('keydown', activateOnKeys);
  };
}
