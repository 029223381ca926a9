import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';

/** The H5 / mini-program page a window's QR code opens. */
export const WINDOW_RATING_PATH = '/rating/window/index';

const SIGNATURE = /^[0-9a-f]{16}$/;

/** First 16 hex characters of HMAC-SHA256(secret, code). */
export function windowSignature(secret: string, code: string): string {
  return createHmac('sha256', secret).update(code).digest('hex').slice(0, 16);
}

/** `<base>/rating/window/index?w=<code>&s=<sig>`; the base loses any trailing slash. */
export function windowQrContent(base: string, code: string, secret: string): string {
  const query = new URLSearchParams({ w: code, s: windowSignature(secret, code) });
  return `${base.replace(/\/+$/, '')}${WINDOW_RATING_PATH}?${query.toString()}`;
}

function readParams(text: string): { code: string; signature: string } | undefined {
  let url: URL;
  try {
    // A base for relative forms ("/rating/window/index?w=…", "rating/window/index?w=…").
    url = new URL(text, 'https://qr.invalid/');
  } catch {
    return undefined;
  }
  const code = url.searchParams.get('w');
  const signature = url.searchParams.get('s');
  if (!code || !signature) return undefined;
  return { code, signature };
}

/**
 * The window code of scanned QR content, or undefined when the content is not a window QR code
 * this gateway signed (unparsable, no `w`/`s`, wrong signature). Accepts the content once
 * percent-encoded too: a mini-program opened by "扫普通链接二维码" receives it encoded in `q`.
 */
export function verifyWindowQr(qr: string, secret: string): string | undefined {
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
  const expected = Buffer.from(windowSignature(secret, params.code), 'hex');
  const given = Buffer.from(params.signature, 'hex');
  return timingSafeEqual(expected, given) ? params.code : undefined;
}

/** The QR code as an SVG document (error correction M: survives a scratched counter sticker). */
export function windowQrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
