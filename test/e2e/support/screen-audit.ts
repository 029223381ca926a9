import type { Page } from 'playwright-core';
import { axeFindings, type AxeFinding } from './axe';
import { nutuiDefaultReds } from './nutui-reds';
import { elementsPaintedIn, layoutFindings, type LayoutFinding } from './page-checks';
import type { Mode } from './page-tour';

/** What the audit can find on a screen. */
export type Finding = AxeFinding | LayoutFinding;

/** Tap targets: 44 px (WCAG 2.5.5, MIIT 适老化), 60 px in 关怀模式. */
export const MIN_TARGET: Record<Mode, number> = { normal: 44, care: 60 };

const reds = nutuiDefaultReds();

/**
 * Everything the audit checks on the screen as it is now; `layoutOnly` leaves out axe (its rules do
 * not depend on the width: one width is enough for them).
 */
export async function auditScreen(page: Page, mode: Mode, layoutOnly = false): Promise<Finding[]> {
  return [
    ...(layoutOnly ? [] : await axeFindings(page)),
    ...(await layoutFindings(page, MIN_TARGET[mode])),
    ...(await elementsPaintedIn(page, reds)),
  ];
}
