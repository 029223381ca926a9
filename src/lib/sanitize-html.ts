import { FilterXSS, type IFilterXSSOptions, type IWhiteList } from 'xss';
import { allowedAttributeValue, DROP_WITH_CONTENT, GUIDE_ELEMENTS } from './guide-html-policy';
import { decodeHtmlEntities, escapeHtmlAttribute, escapeHtmlText } from './html-entities';

/**
 * The mini-programs' sanitiser: guide HTML in, guide HTML out, for <rich-text nodes="…">. H5 parses
 * with the browser instead (guide-html-nodes.ts); the policy is shared.
 */

/** The policy's elements as xss wants them (mutable arrays), built once. */
const GUIDE_WHITELIST: IWhiteList = Object.fromEntries(
  Object.entries(GUIDE_ELEMENTS).map(([element, attributes]) => [element, [...attributes]]),
);

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

/** An attribute as it will be written, or '' to drop it. */
function safeAttribute(tag: string, name: string, rawValue: string): string {
  const value = allowedAttributeValue(tag, name, decodeHtmlEntities(rawValue));
  return value === undefined ? '' : `${name}="${escapeHtmlAttribute(value)}"`;
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
