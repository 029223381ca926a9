/**
 * Whether `npm start` writes demo history: on unless `--no-demo-data` is given or GATEWAY_DEMO_DATA
 * already says otherwise (the environment wins over the default, the flag over both).
 */
export function startDemoSetting(argv: readonly string[], env: Record<string, string | undefined>): string {
  if (argv.includes('--no-demo-data')) return 'off';
  const set = env.GATEWAY_DEMO_DATA?.trim();
  return set ? set : 'on';
}
