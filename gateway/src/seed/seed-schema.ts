import { Type, type Static } from '@sinclair/typebox';
import { Audience, Hall, ImportDepartment, WorkdayCalendar } from '../../../types/contract';

/** Window codes: upper-case letters, digits and "-", printed under the QR code (HS-ZW-A01). */
export const WINDOW_CODE_PATTERN = '^[A-Z0-9][A-Z0-9-]{2,31}$';

/** A theme item (一件事) as written in gateway/seed/themes.ts. */
export const SeedTheme = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9-]{3,64}$' }),
    name: Type.String({ minLength: 1 }),
    description: Type.String(),
    audiences: Type.Array(Audience, { minItems: 1 }),
    itemCodes: Type.Array(Type.String(), { minItems: 1 }),
    promisedDays: Type.Integer({ minimum: 0 }),
    visits: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type SeedTheme = Static<typeof SeedTheme>;

/** A service window (办事窗口) as written in gateway/seed/windows.ts. */
export const SeedWindow = Type.Object(
  {
    code: Type.String({ pattern: WINDOW_CODE_PATTERN }),
    name: Type.String({ minLength: 1, maxLength: 64 }),
    hallId: Type.String({ minLength: 1 }),
    departmentId: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type SeedWindow = Static<typeof SeedWindow>;

/** Everything the gateway seeds a fresh database with. */
export const SeedData = Type.Object({
  departments: Type.Array(ImportDepartment),
  themes: Type.Array(SeedTheme),
  halls: Type.Array(Hall),
  calendar: WorkdayCalendar,
  /** Groups of interchangeable search terms, e.g. ["身份证", "居民身份证"]. */
  synonyms: Type.Array(Type.Array(Type.String({ minLength: 1 }))),
  /** Optional: a seed without windows.ts simply has no windows to rate on site. */
  windows: Type.Optional(Type.Array(SeedWindow)),
});
export type SeedData = Static<typeof SeedData>;

/** Hand-written 告知书 wording for one material, as in gateway/seed/notices.ts (`{item}` and `{dept}` are filled in). */
export const SeedNoticeTerm = Type.Object(
  {
    /** The material's name exactly as in the catalogue. */
    material: Type.String({ minLength: 1 }),
    /** The condition the applicant commits to. */
    condition: Type.String({ minLength: 10 }),
    /** 核查方式与时限. */
    verification: Type.String({ minLength: 10 }),
    /** Only for these items (default: every item with this material). */
    itemCodes: Type.Optional(Type.Array(Type.String(), { minItems: 1 })),
  },
  { additionalProperties: false },
);
export type SeedNoticeTerm = Static<typeof SeedNoticeTerm>;
