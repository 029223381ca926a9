import { createHash } from 'node:crypto';

/** The inline scripts of a page, as CSP hash sources ('sha256-…'). */
export interface InlineHashes {
  scripts: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
/** Data blocks (the written-in page data) are never run, so CSP does not need to allow them. */
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(ld\+)?json/i;

function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Hashes of the inline <script> elements of a built page (Taro's H5 build inlines a small script
 * that sets the rem base), so the policy allows exactly the code the build wrote and no other.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || DATA_BLOCK.test(attributes)) continue;
    scripts.add(hashSource(body));
  }
  return { scripts: [...scripts] };
}

/**
 * The href of Taro's H5 tab bar items. Their click handler navigates; the browser then follows the
 * href, a no-op that CSP would refuse and report on every tab tap. 'unsafe-hashes' lets a hash
 * name this one inline source, and only it.
 */
const TAB_BAR_HREF = 'javascript:;';

/**
 * The one policy for every response (pages, files, API): what the H5 app loads comes from this
 * origin; images may also be data:/blob: (upload previews, the signature pad's PNG) and fonts data:
 * (icon fonts inlined by the stylesheets). No framing, no plugins, no foreign form targets.
 *
 * Styles allow 'unsafe-inline': the app's scripts add <style> elements and style attributes as
 * they render (Taro's components and NutUI; seen in Chromium under a hash-only policy), and those
 * are made at run time, so no hash can name them. Inline script stays forbidden: that is what
 * injected markup would need to run code; injected CSS can restyle a page, not act in it.
 *
 * Scripts: 'self', the build's inline script by its hash, and TAB_BAR_HREF by its hash.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...hashes.scripts, "'unsafe-hashes'", hashSource(TAB_BAR_HREF)].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
