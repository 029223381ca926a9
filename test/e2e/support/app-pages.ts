type AppPages = { pages: string[]; subPackages: { root: string; pages: string[] }[] };

/** Every page of the app, as app.config.ts lists them (main package first, then each subpackage's). */
export function appPages(): string[] {
  // app.config.ts calls Taro's build-time global; outside the build it is the identity.
  (globalThis as { defineAppConfig?: unknown }).defineAppConfig = (config: unknown) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../../../src/app.config') as { default: AppPages }).default;
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}
