import { Type, type Static } from '@sinclair/typebox';
import { Audience, Hall, ImportDepartment, WorkdayCalendar } from '../../../types/contract';

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

/** Everything the gateway seeds a fresh database with. */
export const SeedData = Type.Object({
  departments: Type.Array(ImportDepartment),
  themes: Type.Array(SeedTheme),
  halls: Type.Array(Hall),
  calendar: WorkdayCalendar,
  /** Groups of interchangeable search terms, e.g. ["身份证", "居民身份证"]. */
  synonyms: Type.Array(Type.Array(Type.String({ minLength: 1 }))),
});
export type SeedData = Static<typeof SeedData>;
