import { createHmac } from 'node:crypto';
import QRCode from 'qrcode';
import { signedQrLink, verifySignedQrLink } from '../auth/signed-qr-link';

/** The H5 / mini-program page a window's QR code opens. */
export const WINDOW_RATING_PATH = '/rating/window/index';

/** First 16 hex characters of HMAC-SHA256(secret, code). */
export function windowSignature(secret: string, code: string): string {
  return createHmac('sha256', secret).update(code).digest('hex').slice(0, 16);
}

/** `<base>/rating/window/index?w=<code>&s=<sig>`; the base loses any trailing slash. */
export function windowQrContent(base: string, code: string, secret: string): string {
  return signedQrLink(base, WINDOW_RATING_PATH, 'w', code, windowSignature(secret, code));
}

/** The window code of scanned QR content, or undefined when it is not a window QR this gateway signed. */
export function verifyWindowQr(qr: string, secret: string): string | undefined {
  return verifySignedQrLink(qr, 'w', (code) => windowSignature(secret, code));
}

/** The QR code as an SVG document (error correction M: survives a scratched counter sticker). */
export function windowQrSvg(content: string): Promise<string> {
  return QRCode.toString(content, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
