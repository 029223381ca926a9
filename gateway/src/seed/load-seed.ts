import fs from 'node:fs';
import path from 'node:path';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describeErrors, jsonPath } from '../validation/describe-errors';
import { IMPORT_LABELS } from '../validation/field-labels';
import { SeedData, SeedNoticeTerm, SeedWindow } from './seed-schema';

/** The seed folder's modules and the export each one must provide (optional ones may be absent). */
const MODULES = [
  { file: 'catalogue', exportName: 'seedDepartments', key: 'departments', optional: false },
  { file: 'themes', exportName: 'seedThemes', key: 'themes', optional: false },
  { file: 'halls', exportName: 'seedHalls', key: 'halls', optional: false },
  { file: 'calendar', exportName: 'seedCalendar', key: 'calendar', optional: false },
  { file: 'synonyms', exportName: 'seedSynonyms', key: 'synonyms', optional: false },
  { file: 'windows', exportName: 'seedWindows', key: 'windows', optional: true },
] as const;

type SeedModule = (typeof MODULES)[number];

function moduleExists(seedDir: string, file: string): boolean {
  return fs.existsSync(path.join(seedDir, `${file}.ts`)) || fs.existsSync(path.join(seedDir, file, 'index.ts'));
}

/** True when every required seed module is present (the seed is written by hand and may be incomplete). */
export function seedAvailable(seedDir: string): boolean {
  return MODULES.every((m) => m.optional || moduleExists(seedDir, m.file));
}

function requireModule(seedDir: string, m: SeedModule): unknown {
  // A runtime require: the seed folder is chosen at run time (tests use their own fixture).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(seedDir, m.file)) as Record<string, unknown>;
  if (!(m.exportName in mod)) throw new Error(`seed module ${m.file} does not export ${m.exportName}`);
  return mod[m.exportName];
}

function check<T extends TSchema>(schema: T, raw: unknown, seedDir: string): asserts raw is Static<T> {
  if (!Value.Check(schema, raw)) {
    const details = describeErrors(Value.Errors(schema, raw), IMPORT_LABELS, 20)
      .map((e) => `  ${jsonPath(e.segments)}: ${e.english}`)
      .join('\n');
    throw new Error(`seed data in ${seedDir} does not match the contract:\n${details}`);
  }
}

/**
 * Loads the seed modules (TypeScript, through the same loader that runs the gateway) and checks
 * them against the contract, so a typo in the seed fails loudly at start rather than in the app.
 */
export function loadSeed(seedDir: string): SeedData {
  const raw: Record<string, unknown> = {};
  for (const m of MODULES) {
    if (!moduleExists(seedDir, m.file)) {
      if (m.optional) continue;
      throw new Error(`seed module ${m.file} is missing in ${seedDir}`);
    }
    raw[m.key] = requireModule(seedDir, m);
  }
  check(SeedData, raw, seedDir);
  return raw;
}

const WINDOWS = MODULES.find((m) => m.key === 'windows') as SeedModule;

/**
 * Only the service windows (for a database seeded before windows existed); undefined when the seed
 * has no windows module.
 */
export function loadSeedWindows(seedDir: string): SeedWindow[] | undefined {
  if (!moduleExists(seedDir, WINDOWS.file)) return undefined;
  const raw = requireModule(seedDir, WINDOWS);
  check(Type.Array(SeedWindow), raw, seedDir);
  return raw;
}

const NOTICE_TERMS = { file: 'notices', exportName: 'seedNoticeTerms' } as const;

/**
 * The hand-written 告知书 wording (gateway/seed/notices.ts); an empty list when the seed has none
 * (every notice then gets the generic wording).
 */
export function loadSeedNoticeTerms(seedDir: string): SeedNoticeTerm[] {
  if (!moduleExists(seedDir, NOTICE_TERMS.file)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(path.join(seedDir, NOTICE_TERMS.file)) as Record<string, unknown>;
  const raw = mod[NOTICE_TERMS.exportName];
  check(Type.Array(SeedNoticeTerm), raw, seedDir);
  return raw;
}
