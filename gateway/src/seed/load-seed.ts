import fs from 'node:fs';
import path from 'node:path';
import { Value } from '@sinclair/typebox/value';
import { describeErrors, jsonPath } from '../validation/describe-errors';
import { IMPORT_LABELS } from '../validation/field-labels';
import { SeedData } from './seed-schema';

/** The seed folder's modules and the export each one must provide. */
const MODULES = [
  { file: 'catalogue', exportName: 'seedDepartments', key: 'departments' },
  { file: 'themes', exportName: 'seedThemes', key: 'themes' },
  { file: 'halls', exportName: 'seedHalls', key: 'halls' },
  { file: 'calendar', exportName: 'seedCalendar', key: 'calendar' },
  { file: 'synonyms', exportName: 'seedSynonyms', key: 'synonyms' },
] as const;

function moduleExists(seedDir: string, file: string): boolean {
  return fs.existsSync(path.join(seedDir, `${file}.ts`)) || fs.existsSync(path.join(seedDir, file, 'index.ts'));
}

/** True when every seed module is present (the seed is written by hand and may be incomplete). */
export function seedAvailable(seedDir: string): boolean {
  return MODULES.every((m) => moduleExists(seedDir, m.file));
}

/**
 * Loads the seed modules (TypeScript, through the same loader that runs the gateway) and checks
 * them against the contract, so a typo in the seed fails loudly at start rather than in the app.
 */
export function loadSeed(seedDir: string): SeedData {
  const raw: Record<string, unknown> = {};
  for (const m of MODULES) {
    if (!moduleExists(seedDir, m.file)) throw new Error(`seed module ${m.file} is missing in ${seedDir}`);
    // A runtime require: the seed folder is chosen at run time (tests use their own fixture).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(seedDir, m.file)) as Record<string, unknown>;
    if (!(m.exportName in mod)) throw new Error(`seed module ${m.file} does not export ${m.exportName}`);
    raw[m.key] = mod[m.exportName];
  }
  if (!Value.Check(SeedData, raw)) {
    const details = describeErrors(Value.Errors(SeedData, raw), IMPORT_LABELS, 20)
      .map((e) => `  ${jsonPath(e.segments)}: ${e.english}`)
      .join('\n');
    throw new Error(`seed data in ${seedDir} does not match the contract:\n${details}`);
  }
  return raw;
}
