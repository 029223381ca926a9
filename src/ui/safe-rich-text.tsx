import { RichText } from '@tarojs/components';
import { useMemo } from 'react';
import { sanitizeGuideHtml } from '@/lib/sanitize-html';

export type SafeRichTextProps = { html: string; className?: string };

/** Guide text from the gateway is untrusted: whitelist-sanitised before any platform renders it. */
export function SafeRichText({ html, className }: SafeRichTextProps) {
  const clean = useMemo(() => sanitizeGuideHtml(html), [html]);
  return <RichText className={className} nodes={clean} />;
}
