import { takeCspViolations } from './csp-watch';

// Each e2e test is a whole user journey in a real browser against a real gateway.
jest.setTimeout(90_000);

// The gateway's Content-Security-Policy must never stop the app: any violation fails the test.
afterEach(() => {
  const violations = takeCspViolations();
  if (violations.length > 0) {
    throw new Error(`Content-Security-Policy violations:\n${violations.join('\n')}`);
  }
});
