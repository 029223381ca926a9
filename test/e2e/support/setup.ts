// Each e2e test is a whole user journey in a real browser against a real gateway.
jest.setTimeout(90_000);
