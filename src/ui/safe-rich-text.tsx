import { RichText } from '@tarojs/components';
import { useMemo } from 'react';
import { guideHtmlToNodes } from '@/lib/guide-html-nodes';
import { sanitizeGuideHtml } from '@/lib/sanitize-html';

export type SafeRichTextProps = { html: string; className?: string };

/** Guide text from the gateway is untrusted: whitelist-sanitised before any platform renders it. */
export function SafeRichText({ html, className }: SafeRichTextProps) {
  const nodes = useMemo(() => {
    // The browser parses guide HTML itself on H5; the mini-programs have no DOM and take the string
    // sanitiser. An if/else on TARO_ENV so that each build drops the other's module.
    if (process.env.TARO_ENV === 'h5') {
      return guideHtmlToNodes(html);
    } else {
      return sanitizeGuideHtml(html);
    }
  }, [html]);
  return <RichText className={className} nodes={nodes} />;
}
