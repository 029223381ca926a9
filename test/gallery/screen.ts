import type { Mode, Session, TourStop } from '../e2e/support/page-tour';
import type { Finding } from '../e2e/support/screen-audit';

export type { Finding };

/** One screenshot of the gallery and what was found on it. */
export interface Screen extends TourStop {
  session: Session;
  mode: Mode;
  width: number;
  /** PNG file name, relative to test/screens/. */
  file: string;
  settled: boolean;
  /** Why it did not settle. */
  problem?: string;
  /** Uncaught errors in the page (a crash). */
  errors: string[];
  /** Audit findings (only with --audit). */
  findings?: Finding[];
}

/** A screen that must fail the run: it crashed or never settled. */
export function isBroken(screen: Screen): boolean {
  return !screen.settled || screen.errors.length > 0;
}

/** The finding's kind as reported: axe findings by impact, the rest by their check. */
export function findingKind(finding: Finding): string {
  return finding.kind === 'axe' ? `axe-${finding.impact}` : finding.kind;
}

/** One line describing a finding, for the contact sheet and the summary. */
export function findingText(finding: Finding): string {
  if (finding.kind === 'axe') return `${finding.rule}: ${finding.help} — ${finding.elements.join(', ')}`;
  return `${finding.element}: ${finding.detail}`;
}

/** Where a finding is: the element it names (for grouping the worst offenders). */
export function findingElement(finding: Finding): string {
  return finding.kind === 'axe' ? `${finding.rule} @ ${finding.elements[0] ?? '?'}` : finding.element;
}
