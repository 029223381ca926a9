import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What a rotated refresh token leads to, for answering a repeat within the grace window. */
export interface SuccessorTokens {
  accessToken: string;
  refreshToken: string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The key comes from the old refresh token itself (domain-separated from `tokenHash`, which is the
 * plain SHA-256 stored beside it): only someone presenting that token can open the seal, and a copy
 * of the database cannot.
 */
function keyOf(refreshToken: string): Buffer {
  return createHash('sha256').update('refresh-successor\0').update(refreshToken).digest();
}

/** AES-256-GCM: iv ‖ tag ‖ ciphertext, base64url. */
export function sealSuccessor(oldRefreshToken: string, successor: SuccessorTokens): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(oldRefreshToken), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(successor), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** undefined when the seal does not open with this token (tampered, or not its seal). */
export function openSuccessor(oldRefreshToken: string, sealed: string): SuccessorTokens | undefined {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(oldRefreshToken), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const parsed: unknown = JSON.parse(text.toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Record<string, unknown>).accessToken === 'string' &&
      typeof (parsed as Record<string, unknown>).refreshToken === 'string'
    ) {
      const { accessToken, refreshToken } = parsed as SuccessorTokens;
      return { accessToken, refreshToken };
    }
    return undefined;
  } catch {
    return undefined;
  }
}
