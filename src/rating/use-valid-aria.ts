import { useCallback, useRef } from 'react';
import { dropAriaRoleAttributes } from '@/core/h5-aria-role';
import { env } from '@/core/env';

/**
 * A callback ref for the element around NutUI Checkboxes and Radios: on H5 the invalid
 * `aria-role` attribute NutUI's role becomes is kept off everything inside it, for as long as the
 * element is drawn (see dropAriaRoleAttributes).
 */
export function useValidAria(): (element: unknown) => void {
  const undo = useRef<() => void>();
  return useCallback((element: unknown) => {
    undo.current?.();
    undo.current = undefined;
    if (env.platform === 'h5' && element instanceof Element) undo.current = dropAriaRoleAttributes(element);
  }, []);
}
