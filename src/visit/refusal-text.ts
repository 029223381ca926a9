import { describeError, isApiError } from '@/core/http/api-error';

/** The gateway's reason for a refusal: a refused slot or QR comes back as a field error, which says why. */
export function refusalText(error: unknown): string {
  return (isApiError(error) ? error.fields[0]?.message : undefined) ?? describeError(error);
}
