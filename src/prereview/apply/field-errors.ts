import type { FieldError } from '@contract/envelope';
import type { ApplicationForm } from '@contract/prereview';
import type { ApplicantField } from '../applicant-rules';
import { applicantValues, type Refusal } from '../applicant-section';

/** One message per field (the first), by field path (`form.address`, `materials.<id>`). */
export function errorMap(fields: readonly FieldError[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const f of fields) map[f.field] ??= f.message;
  return map;
}

/** The gateway's messages for the applicant's typed fields, tied to the values it refused. */
export function refusalsFrom(
  fields: readonly FieldError[],
  form: ApplicationForm,
): Partial<Record<ApplicantField, Refusal>> {
  const values = applicantValues(form);
  const refused: Partial<Record<ApplicantField, Refusal>> = {};
  for (const { field, message } of fields) {
    const name = field.replace(/^form\./, '') as ApplicantField;
    if (field.startsWith('form.') && name in values) refused[name] ??= { value: values[name], message };
  }
  return refused;
}
