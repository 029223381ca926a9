import { timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^[0-9a-f]{16}$/;

/** `<base><path>?<idParam>=<id>&s=<signature>`; the base loses any trailing slash. */
export function signedQrLink(base: string, path: string, idParam: string, id: string, signature: string): string {
  const query = new URLSearchParams({ [idParam]: id, s: signature });
  return `${base.replace(/\/+$/, '')}${path}?${query.toString()}`;
}

function readParams(text: string, idParam: string): { id: string; signature: string } | undefined {
  let url: URL;
  try {
    // A base for relative forms ("/rating/window/index?w=…", "rating/window/index?w=…").
    url = new URL(text, 'https://qr.invalid/');
  } catch {
    return undefined;
  }
  const id = url.searchParams.get(idParam);
  const signature = url.searchParams.get('s');
  if (!id || !signature) return undefined;
  return { id, signature };
}

/**
 * The id a scanned signed link carries, or undefined when the content is not one this gateway
 * signed (unparsable, no id or `s`, wrong signature). Accepts the content once percent-encoded too:
 * a mini-program opened by "扫普通链接二维码" receives it encoded in `q`.
 */
export function verifySignedQrLink(qr: string, idParam: string, sign: (id: string) => string): string | undefined {
  const text = qr.trim();
  let params = readParams(text, idParam);
  if (!params && /%[0-9a-f]{2}/i.test(text)) {
    try {
      params = readParams(decodeURIComponent(text), idParam);
    } catch {
      params = undefined;
    }
  }
  if (!params || !SIGNATURE.test(params.signature)) return undefined;
  const expected = Buffer.from(sign(params.id), 'hex');
  const given = Buffer.from(params.signature, 'hex');
  return timingSafeEqual(expected, given) ? params.id : undefined;
}
