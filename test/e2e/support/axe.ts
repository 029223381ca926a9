import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** One axe-core violation of impact serious or critical, with the elements it was found on. */
export interface AxeFinding {
  kind: 'axe';
  rule: string;
  impact: 'serious' | 'critical';
  help: string;
  /** CSS selectors of the offending elements (axe's own), at most five. */
  elements: string[];
}

let axeSource: string | undefined;

/** axe-core's browser build, read once from the installed package (never fetched). */
function source(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

interface AxeRunResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Runs axe-core on the page as it is now and returns its serious and critical violations. */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  // Evaluated, not added as a <script>: the gateway's CSP refuses inline scripts (as it should),
  // and the test's own tooling must not show up as the app's violation.
  if (!injected) await page.evaluate(source());
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })) as AxeRunResult;
  });
  return result.violations
    .filter(
      (v): v is typeof v & { impact: 'serious' | 'critical' } => v.impact === 'serious' || v.impact === 'critical',
    )
    .map((v) => ({
      kind: 'axe' as const,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      elements: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')),
    }));
}
