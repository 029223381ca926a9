/**
 * Taro's H5 elements write every string prop as a dashed attribute, so NutUI's `ariaRole` (the
 * role the mini-programs read) lands on H5 as `aria-role`, which is no ARIA attribute (axe:
 * aria-valid-attr, critical). This removes it under `root`, now and whenever a render writes it
 * again; the real `role` is given beside it by the thin wrappers. Returns the undo.
 */
export function dropAriaRoleAttributes(root: Element): () => void {
  const strip = () => root.querySelectorAll('[aria-role]').forEach((element) => element.removeAttribute('aria-role'));
  strip();
  const observer = new MutationObserver(strip);
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role'] });
  return () => observer.disconnect();
}
