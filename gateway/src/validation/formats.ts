import { FormatRegistry } from '@sinclair/typebox';

/**
 * TypeBox knows no string formats until they are registered; the contract uses `date-time`
 * (RFC 3339, as `Date.prototype.toISOString` writes it).
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function registerFormats(): void {
  if (!FormatRegistry.Has('date-time')) {
    FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  }
}
