/**
 * Minimal entity handling for the sanitiser. Kept local rather than imported from `xss`: its helper
 * functions are attached to `module.exports` in a loop, which Node's ESM loader cannot see as named
 * exports, so importing them would break the gateway if it ever runs as native ESM.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  middot: '·',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  times: '×',
  yen: '¥',
  copy: '©',
  reg: '®',
};

/**
 * Decodes numeric references and the named ones above; unknown names are left as written. Callers
 * that put the result back into HTML must re-escape it (see `escapeHtmlAttribute`).
 */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (entity: string, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const representable = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return representable ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Text content: only the characters that could open or close markup need escaping. */
export function escapeHtmlText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A double-quoted attribute value. `&` is escaped too, so the browser reads back exactly the string
 * that was validated, whatever entities the original markup used.
 */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
