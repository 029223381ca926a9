import { createHmac, timingSafeEqual } from 'node:crypto';

/** The H5 / mini-program page a hall's check-in (取号) QR code opens. */
export const HALL_CHECK_IN_PATH = '/booking/check-in/index';

const SIGNATURE = /^[0-9a-f]{16}$/;

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
  const query = new URLSearchParams({ h: hallId, s: hallCheckInSignature(secret, hallId) });
  return `${base.replace(/\/+$/, '')}${HALL_CHECK_IN_PATH}?${query.toString()}`;
}

function readParams(text: string): { hallId: string; signature: string } | undefined {
  let url: URL;
  try {
    url = new URL(text, 'https://qr.invalid/');
  } catch {
    return undefined;
  }
  const hallId = url.searchParams.get('h');
  const signature = url.searchParams.get('s');
  if (!hallId || !signature) return undefined;
  return { hallId, signature };
}

/**
 * The hall id of scanned QR content, or undefined when it is not a check-in QR this gateway signed.
 * Accepts the content percent-encoded too (a mini-program opened by "扫普通链接二维码" gets it in `q`).
 */
export function verifyHallCheckInQr(qr: string, secret: string): string | undefined {
  const text = qr.trim();
  let params = readParams(text);
  if (!params && /%[0-9a-f]{2}/i.test(text)) {
    try {
      params = readParams(decodeURIComponent(text));
    } catch {
      params = undefined;
    }
  }
  if (!params || !SIGNATURE.test(params.signature)) return undefined;
  const expected = Buffer.from(hallCheckInSignature(secret, params.hallId), 'hex');
  const given = Buffer.from(params.signature, 'hex');
  return timingSafeEqual(expected, given) ? params.hallId : undefined;
}
