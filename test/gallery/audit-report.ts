import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findingElement, findingKind, type Screen } from './screen';

export interface AuditSummary {
  /** Per finding kind: findings in all, and screens with at least one. */
  byKind: Record<string, { findings: number; screens: number }>;
  /** The page + element pairs found most often (across states, modes and widths). */
  topOffenders: { page: string; kind: string; element: string; count: number }[];
}

export function summarise(screens: readonly Screen[], top = 12): AuditSummary {
  const byKind: AuditSummary['byKind'] = {};
  const offenders = new Map<string, AuditSummary['topOffenders'][number]>();
  for (const screen of screens) {
    const kindsHere = new Set<string>();
    for (const finding of screen.findings ?? []) {
      const kind = findingKind(finding);
      byKind[kind] ??= { findings: 0, screens: 0 };
      byKind[kind].findings += 1;
      kindsHere.add(kind);
      const element = findingElement(finding);
      const key = `${screen.page}\u0000${kind}\u0000${element}`;
      const entry = offenders.get(key) ?? { page: screen.page, kind, element, count: 0 };
      entry.count += 1;
      offenders.set(key, entry);
    }
    for (const kind of kindsHere) byKind[kind].screens += 1;
  }
  const topOffenders = [...offenders.values()].sort((a, b) => b.count - a.count).slice(0, top);
  return { byKind, topOffenders };
}

/** test/screens/audit.json: every screen with its findings, and the summary. */
export function writeAuditJson(dir: string, screens: readonly Screen[], summary: AuditSummary): string {
  const file = path.join(dir, 'audit.json');
  const body = {
    generatedAt: new Date().toISOString(),
    summary,
    screens: screens.map(({ page, state, session, mode, width, file: png, settled, problem, errors, findings }) => ({
      page,
      state,
      session,
      mode,
      width,
      file: png,
      settled,
      problem,
      errors,
      findings: findings ?? [],
    })),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

/** The summary as plain-text tables for the terminal. */
export function summaryTable(summary: AuditSummary, screens: number): string {
  const lines = [`audit of ${screens} screens`, '', 'finding kind          findings   screens'];
  const kinds = Object.entries(summary.byKind).sort(([, a], [, b]) => b.findings - a.findings);
  if (kinds.length === 0) lines.push('(none)');
  for (const [kind, { findings, screens: on }] of kinds) {
    lines.push(`${kind.padEnd(20)}  ${String(findings).padStart(8)}  ${String(on).padStart(8)}`);
  }
  lines.push('', 'top offenders (page · kind · element: times found)');
  for (const o of summary.topOffenders)
    lines.push(`${String(o.count).padStart(4)}  ${o.page} · ${o.kind} · ${o.element}`);
  return lines.join('\n');
}
