/**
 * A page's query value as the user meant it. Taro hands page parameters over still percent-encoded
 * (H5 and the mini-programs alike); `+` is a space, as in any form-encoded query. A malformed
 * escape is kept as typed rather than failing the page.
 */
export function decodeQueryParam(value: string | undefined): string {
  if (!value) return '';
  const spaced = value.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
