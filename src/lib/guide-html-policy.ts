/**
 * What guide HTML (办理条件, 设定依据) may keep, shared by the two sanitisers: the string one for the
 * mini-programs (sanitize-html.ts) and the browser-parser one for H5 (guide-html-nodes.ts).
 * Guide HTML is copied from department systems and treated as hostile; only structure survives.
 */

/** Elements kept, each with the attributes it may keep. */
export const GUIDE_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  p: [],
  br: [],
  ul: [],
  ol: [],
  li: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  span: [],
  h3: [],
  h4: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  a: ['href'],
};

/** Own keys only: a tag named `constructor` must not find Object's. */
export function isGuideElement(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(GUIDE_ELEMENTS, name);
}

/**
 * Elements whose content is code or foreign markup, never guide text: dropping only the tags would
 * leave e.g. a script's source visible on the page.
 */
export const DROP_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'noscript',
  'template',
  'object',
  'svg',
  'math',
]);

/**
 * A whitelist of schemes, checked after entity decoding so `javascript&#58;` cannot pass as
 * something else. Relative URLs are dropped too: the mini-program has no page they could point to.
 */
const ALLOWED_HREF = /^(?:https?|tel):/i;

const SPAN_VALUE = /^\d{1,3}$/;

/**
 * An allowed attribute's value as it may be written, or undefined to drop the attribute. `value`
 * must already be entity-decoded. Browsers ignore control characters and surrounding spaces in
 * URLs (`java\tscript:` runs), so they are removed before the scheme check, and the checked string
 * is the one returned.
 */
export function allowedAttributeValue(element: string, attribute: string, value: string): string | undefined {
  if (!isGuideElement(element) || !GUIDE_ELEMENTS[element].includes(attribute)) return undefined;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const cleaned = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (attribute === 'href') return ALLOWED_HREF.test(cleaned) ? cleaned : undefined;
  if (attribute === 'colspan' || attribute === 'rowspan') return SPAN_VALUE.test(cleaned) ? cleaned : undefined;
  return undefined;
}
