import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { createSwcRegister } from '@tarojs/helper';

/** The app's config folder: the floor is built with exactly that config. */
const APP_CONFIG_DIR = path.resolve(__dirname, '../../../../config');

/**
 * The floor is built with the app's own build config (same plugins, minifier, browserslist,
 * design width, publicPath, chunk naming) so the only difference measured is the app's code.
 * Only the project name and the source/output folders change; Taro resolves both against the
 * current directory, which is this folder when the bench builds it.
 */
export default defineConfig<'webpack5'>(async (merge, env) => {
  // Taro compiles only <cwd>/config/** on the fly; the app's config (TypeScript) lives elsewhere.
  createSwcRegister({ only: [(file: string) => file.startsWith(APP_CONFIG_DIR) || file.startsWith(__dirname)] });
  const { default: appConfig } = await import('../../../../config/index');
  const app = (
    typeof appConfig === 'function' ? await appConfig(merge, env) : appConfig
  ) as UserConfigExport<'webpack5'>;
  return merge({}, app, {
    projectName: 'hongshan-bench-floor',
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
  });
});
