import type { Database } from 'better-sqlite3';
import { Value } from '@sinclair/typebox/value';
import { CatalogueImport } from '../../../types/contract';
import { describeErrors, jsonPath } from '../validation/describe-errors';
import { IMPORT_LABELS } from '../validation/field-labels';
import { SettingsStore } from '../store/settings-store';
import { CatalogueWriter, type WriteOutcome } from './catalogue-writer';
import { contentHash, normaliseItem, type StoredItem } from './normalise-item';

export interface ImportIssue {
  /** JSON path, e.g. `$.departments[0].items[2].code`. */
  path: string;
  /** Chinese, for the officer running the import. */
  message: string;
  english: string;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportResult extends ImportCounts {
  departments: ImportCounts;
  /** Things that imported but deserve a look (e.g. a missing time limit shown as 即办). */
  warnings: ImportIssue[];
}

/** Thrown when the file does not match the format: nothing has been written. */
export class CatalogueImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`catalogue import rejected: ${issues.length} problem(s)\n${formatIssues(issues)}`);
    this.name = 'CatalogueImportError';
  }
}

export function formatIssues(issues: ImportIssue[]): string {
  return issues.map((i) => `  ${i.path}: ${i.message} / ${i.english}`).join('\n');
}

function issue(path: string, message: string, english: string): ImportIssue {
  return { path, message, english };
}

/** Checks shape (the contract schema) and cross-references (unique codes, known halls). */
export function validateCatalogueImport(input: unknown, knownHallIds: ReadonlySet<string>): ImportIssue[] {
  if (!Value.Check(CatalogueImport, input)) {
    return describeErrors(Value.Errors(CatalogueImport, input), IMPORT_LABELS).map((e) =>
      issue(jsonPath(e.segments), e.message, e.english),
    );
  }
  const issues: ImportIssue[] = [];
  const deptIds = new Map<string, number>();
  const itemCodes = new Map<string, string>();
  input.departments.forEach((d, di) => {
    const dPath = `$.departments[${di}]`;
    if (deptIds.has(d.id)) {
      issues.push(issue(`${dPath}.id`, `部门 id “${d.id}” 重复`, `duplicate department id "${d.id}"`));
    }
    deptIds.set(d.id, di);
    d.items.forEach((item, ii) => {
      const iPath = `${dPath}.items[${ii}]`;
      const first = itemCodes.get(item.code);
      if (first) {
        issues.push(
          issue(
            `${iPath}.code`,
            `事项编码 “${item.code}” 与 ${first} 重复`,
            `duplicate item code "${item.code}" (first at ${first})`,
          ),
        );
      } else {
        itemCodes.set(item.code, `${iPath}.code`);
      }
      (item.hallIds ?? []).forEach((hallId, hi) => {
        if (!knownHallIds.has(hallId)) {
          issues.push(issue(`${iPath}.hallIds[${hi}]`, `未知的办事地点 id “${hallId}”`, `unknown hall id "${hallId}"`));
        }
      });
    });
  });
  return issues;
}

function warningsFor(input: CatalogueImport): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  input.departments.forEach((d, di) =>
    d.items.forEach((item, ii) => {
      if (item.promisedDays === undefined || item.legalDays === undefined) {
        warnings.push(
          issue(
            `$.departments[${di}].items[${ii}]`,
            `事项 ${item.code} 未填写法定时限或承诺时限，将显示为“即办”`,
            `item ${item.code} has no legalDays/promisedDays; shown as 0 (instant)`,
          ),
        );
      }
    }),
  );
  return warnings;
}

function count(outcomes: WriteOutcome[]): ImportCounts {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  for (const o of outcomes) counts[o] += 1;
  return counts;
}

/**
 * Validates and upserts a catalogue (by department id and item code) in one transaction. Items not
 * in the file are left alone. Re-importing the same content writes nothing.
 */
export function importCatalogue(db: Database, input: unknown, now: () => Date = () => new Date()): ImportResult {
  const hallIds = new Set((db.prepare('SELECT id FROM halls').all() as { id: string }[]).map((r) => r.id));
  const issues = validateCatalogueImport(input, hallIds);
  if (issues.length > 0) throw new CatalogueImportError(issues);
  const data = input as CatalogueImport;

  const writer = new CatalogueWriter(db);
  const settings = new SettingsStore(db);
  const updatedAt = now().toISOString();
  const run = db.transaction(() => {
    const deptOutcomes: WriteOutcome[] = [];
    const itemOutcomes: WriteOutcome[] = [];
    for (const d of data.departments) {
      deptOutcomes.push(writer.upsertDepartment(d.id, d.name.trim(), d.shortName.trim()));
      for (const raw of d.items) {
        const item: StoredItem = normaliseItem(raw, d.id);
        itemOutcomes.push(writer.upsertItem(item, contentHash(item), updatedAt));
      }
    }
    const items = count(itemOutcomes);
    const departments = count(deptOutcomes);
    if (items.added + items.updated + departments.added + departments.updated > 0) settings.bumpCatalogueVersion();
    return { ...items, departments };
  });
  return { ...run(), warnings: warningsFor(data) };
}
