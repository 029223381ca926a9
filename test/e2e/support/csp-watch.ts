import type { BrowserContext } from 'playwright-core';

/** Violations seen in this test file's browser contexts since they were last taken. */
const seen: string[] = [];

/** Sent as source (not a function): the page must not depend on how the test runner compiles it. */
const LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolation(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

/**
 * Records every Content-Security-Policy violation in the context's pages: the page's own
 * `securitypolicyviolation` events, and Chromium's "Refused to …" console errors (which also
 * cover what happens before the listener is attached). `test/e2e/support/setup.ts` fails the test
 * that caused any.
 */
export async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__cspViolation', (_source, text: string) => {
    seen.push(text);
  });
  await context.addInitScript(LISTENER);
  context.on('console', (message) => {
    if (message.type() === 'error' && /Refused to|Content Security Policy/i.test(message.text())) {
      seen.push(message.text());
    }
  });
}

/** The violations seen so far, cleared. */
export function takeCspViolations(): string[] {
  return seen.splice(0);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to `ms`) for a violation, then a moment for its other report (event and console
 * arrive separately); returns them all, cleared.
 */
export async function nextCspViolations(ms = 5000): Promise<string[]> {
  const until = Date.now() + ms;
  while (seen.length === 0 && Date.now() < until) await pause(50);
  await pause(300);
  return takeCspViolations();
}
