import { createHash } from 'node:crypto';

/** The inline code of a page, as CSP hash sources ('sha256-…'). */
export interface InlineHashes {
  scripts: string[];
  styles: string[];
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
/** Data blocks (the written-in page data) are never run, so CSP does not need to allow them. */
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(ld\+)?json/i;

function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Hashes of the inline <script> and <style> elements of a built page (Taro's H5 build inlines a
 * small script that sets the rem base, and src/index.html has the tab bar's rules), so the policy
 * allows exactly the code the build wrote and no other inline code.
 */
export function inlineHashes(html: string): InlineHashes {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes) || DATA_BLOCK.test(attributes)) continue;
    scripts.add(hashSource(body));
  }
  for (const [, body] of html.matchAll(STYLE)) styles.add(hashSource(body));
  return { scripts: [...scripts], styles: [...styles] };
}

/**
 * The one policy for every response (pages, files, API): what the H5 app loads comes from this
 * origin; images may also be data:/blob: (upload previews, the signature pad's PNG) and fonts data:
 * (icon fonts inlined by the stylesheets). No framing, no plugins, no foreign form targets.
 */
export function contentSecurityPolicy(hashes: InlineHashes): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...hashes.scripts].join(' ')}`,
    `style-src ${["'self'", ...hashes.styles].join(' ')}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
