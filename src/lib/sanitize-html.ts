import { FilterXSS, type IFilterXSSOptions, type IWhiteList } from 'xss';
import { decodeHtmlEntities, escapeHtmlAttribute, escapeHtmlText } from './html-entities';

/**
 * Guide HTML (办理条件, 设定依据) is copied from department systems and must be treated as hostile:
 * it ends up in <rich-text> / innerHTML. Only structural markup survives.
 */
const GUIDE_WHITELIST: IWhiteList = {
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

/**
 * Elements whose content is code or foreign markup, never guide text: dropping only the tags would
 * leave e.g. a script's source visible on the page.
 */
const DROP_WITH_CONTENT = new Set([
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
 * xss names `<script/src=x>` "script/src=x"; browsers still treat it as a script, so the name is
 * re-read the way an HTML parser would.
 */
function elementName(tagHtml: string): string {
  const match = /^<\/?\s*([a-z][a-z0-9-]*)/i.exec(tagHtml);
  return match ? match[1].toLowerCase() : '';
}

/**
 * Tracks whether the parser is inside an element dropped with its content. An unclosed <script>
 * swallows the rest of the input, as it would in a browser; same-name nesting is counted so that
 * `<svg><svg></svg>…</svg>` ends where it should.
 */
interface ContentDropper {
  readonly dropping: boolean;
  /** Returns true when the tag is consumed by the dropper. */
  consume(tagHtml: string, isClosing: boolean): boolean;
}

function createContentDropper(): ContentDropper {
  let open: { name: string; depth: number } | null = null;
  return {
    get dropping(): boolean {
      return open !== null;
    },
    consume(tagHtml: string, isClosing: boolean): boolean {
      const name = elementName(tagHtml);
      if (open) {
        if (name === open.name) {
          open.depth += isClosing ? -1 : 1;
          if (open.depth === 0) open = null;
        }
        return true;
      }
      if (DROP_WITH_CONTENT.has(name)) {
        // A stray closing tag is just dropped; an opening one (even written `<x/>`) starts a body.
        if (!isClosing) open = { name, depth: 1 };
        return true;
      }
      return false;
    },
  };
}

/**
 * Browsers ignore control characters and surrounding spaces in URLs (`java\tscript:` runs), so they
 * are removed before the scheme check; the checked string is what gets written back.
 */
function decodeAttributeValue(raw: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const controls = /[\u0000-\u001f\u007f]/g;
  return decodeHtmlEntities(raw).replace(controls, '').trim();
}

/** An attribute as it will be written, or '' to drop it. */
function safeAttribute(tag: string, name: string, rawValue: string): string {
  const value = decodeAttributeValue(rawValue);
  if (tag === 'a' && name === 'href') {
    return ALLOWED_HREF.test(value) ? `href="${escapeHtmlAttribute(value)}"` : '';
  }
  if (name === 'colspan' || name === 'rowspan') {
    return SPAN_VALUE.test(value) ? `${name}="${value}"` : '';
  }
  return '';
}

/** Whitelist sanitiser for guide HTML. Output is safe for <rich-text nodes> and innerHTML. */
export function sanitizeGuideHtml(html: string): string {
  // A fresh filter per call: the dropper is stateful and must not leak between documents.
  const dropper = createContentDropper();
  const options: IFilterXSSOptions = {
    whiteList: GUIDE_WHITELIST,
    stripIgnoreTag: true,
    allowCommentTag: false,
    css: false,
    onTag: (_tag, tagHtml, info) => (dropper.consume(tagHtml, info.isClosing === true) ? '' : undefined),
    onTagAttr: (tag, name, value, isWhiteAttr) => (isWhiteAttr ? safeAttribute(tag, name, value) : undefined),
    escapeHtml: (text) => (dropper.dropping ? '' : escapeHtmlText(text)),
  };
  return new FilterXSS(options).process(html);
}

/** Tags that end a line of text; table cells are separated by a space instead. */
const LINE_BREAKING = new Set(['br', 'p', 'div', 'li', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol']);
const CELL = new Set(['td', 'th']);

/**
 * Readable text from guide HTML (share text, list previews, screen-reader labels). The result is
 * plain text with entities decoded: render it as text, never feed it back in as HTML.
 */
export function htmlToPlainText(html: string): string {
  const dropper = createContentDropper();
  const raw = new FilterXSS({
    whiteList: {},
    allowCommentTag: false,
    css: false,
    onTag: (_tag, tagHtml, info) => {
      if (dropper.consume(tagHtml, info.isClosing === true)) return '';
      const name = elementName(tagHtml);
      if (LINE_BREAKING.has(name)) return '\n';
      return CELL.has(name) ? ' ' : '';
    },
    escapeHtml: (text) => (dropper.dropping ? '' : decodeHtmlEntities(text)),
  }).process(html);

  return raw
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
