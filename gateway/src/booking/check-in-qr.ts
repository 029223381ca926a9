import { createHmac } from 'node:crypto';
import { signedQrLink, verifySignedQrLink } from '../auth/signed-qr-link';

/** The H5 / mini-program page a hall's check-in (取号) QR code opens. */
export const HALL_CHECK_IN_PATH = '/booking/check-in/index';

/**
 * First 16 hex characters of HMAC-SHA256(secret, "hall-check-in:" + hallId). The window QR key is
 * reused with this prefix: window codes cannot contain ":", so no window signature can ever pass
 * as a hall's, and the other way round.
 */
export function hallCheckInSignature(secret: string, hallId: string): string {
  return createHmac('sha256', secret).update(`hall-check-in:${hallId}`).digest('hex').slice(0, 16);
}

/** `<base>/booking/check-in/index?h=<hallId>&s=<sig>`; the base loses any trailing slash. */
export function hallCheckInQrContent(base: string, hallId: string, secret: string): string {
  return signedQrLink(base, HALL_CHECK_IN_PATH, 'h', hallId, hallCheckInSignature(secret, hallId));
}

/**
 * The hall id of scanned QR content, or undefined when it is not a check-in QR this gateway signed.
 * Accepts the content percent-encoded too (a mini-program opened by "扫普通链接二维码" gets it in `q`).
 */
export function verifyHallCheckInQr(qr: string, secret: string): string | undefined {
  return verifySignedQrLink(qr, 'h', (hallId) => hallCheckInSignature(secret, hallId));
}
