import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import CompressionPlugin from 'compression-webpack-plugin';
import webpack from 'webpack';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import { PageAssetsPlugin } from './page-assets-plugin';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');

/**
 * Packages that ship modern syntax (react-query uses #private class fields): compiled with our
 * browserslist like our own code. Older mini-program engines cannot parse them, and Taro's H5
 * minifier (quote_keys) corrupts them.
 */
const transpiledPackages = (file: string) => /node_modules[\\/](@tanstack|@noble)[\\/]/.test(file);

/**
 * axios bundles every adapter it has, whichever one runs. Mini-programs always get our
 * Taro.request adapter, so axios's XMLHttpRequest and fetch adapters are dead code there (~18 KB);
 * H5 uses the XMLHttpRequest one (first in axios's default order, and the only one with upload
 * progress), so its fetch adapter is (~11 KB). Apart from one table, only the adapters are
 * replaced: axios's other internals stay as axios ships them (stubbing its helpers by file path
 * saved ~4.5 KB of the weapp main package and could break silently on an axios update).
 */
function dropUnusedAxiosAdapters(chain: Chain, adapters: ('xhr' | 'fetch')[]): void {
  const stub = path.resolve(__dirname, 'unsupported-axios-adapter.js');
  const unused = new RegExp(`axios[\\\\/]lib[\\\\/]adapters[\\\\/](${adapters.join('|')})\\.js$`);
  chain.plugin('dropAxiosAdapters').use(webpack.NormalModuleReplacementPlugin, [unused, stub]);
  // One exception the weapp main budget needs (490,237 bytes without it, 490,035 allowed): the
  // table of HTTP status names, hung on axios's default export only (the app compares numbers;
  // ESLint keeps src/ off it). If an axios update moves the file, the build just gets larger.
  const statusNames = /axios[\\/]lib[\\/]helpers[\\/]HttpStatusCode\.js$/;
  const statusNamesStub = path.resolve(__dirname, 'axios-status-codes-stub.js');
  chain.plugin('dropAxiosStatusNames').use(webpack.NormalModuleReplacementPlugin, [statusNames, statusNamesStub]);
}

/**
 * src/lib holds pure helpers (no module does anything when imported), and says so to webpack: a
 * lib module none of whose exports is used is then left out with what it imports. That is how an
 * `if (process.env.TARO_ENV === 'h5')` branch leaves the other platforms' helpers out, e.g. the
 * mini-programs' xss-based guide sanitiser (~7 KB gzip) out of H5's guide page. src/ui/icons.ts
 * only re-exports, and is declared the same way.
 */
function declarePureLib(chain: Chain): void {
  chain.module
    .rule('pureLib')
    .test(/\.ts$/)
    .include.add(path.resolve(root, 'src/lib'))
    // Re-exports only: a page's chunk takes the icons it uses, not every icon the list names.
    .add(path.resolve(root, 'src/ui/icons.ts'))
    .end()
    // webpack-chain has no method for Rule.sideEffects; the map's entries go into the config as they are.
    .set('sideEffects', false);
}

/**
 * H5 scripts and styles also written brotli- (quality 11) and gzip- (level 9) compressed, which the
 * gateway serves as they are (`preCompressed`): compressing on each request, it can only afford
 * brotli quality 4, ~15% larger (app.js: 105 KB against 90 KB).
 */
function precompressAssets(chain: Chain): void {
  const assets = /\.(js|css)$/;
  chain.plugin('brotliAssets').use(CompressionPlugin, [
    {
      filename: '[path][base].br',
      algorithm: 'brotliCompress',
      test: assets,
      compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
      threshold: 1024,
      minRatio: 0.9,
    },
  ]);
  chain.plugin('gzipAssets').use(CompressionPlugin, [
    {
      filename: '[path][base].gz',
      algorithm: 'gzip',
      test: assets,
      compressionOptions: { level: 9 },
      threshold: 1024,
      minRatio: 0.9,
    },
  ]);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hongshan-zhangshangban',
    date: '2026-11-27',
    designWidth: (input) => {
      // NutUI is drawn at 375 wide; our own styles at 750.
      const file = typeof input === 'object' && input !== null ? String((input as { file?: string }).file ?? '') : '';
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.resolve(root, 'src'),
      '@contract': path.resolve(root, 'types/contract'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Taro's mini-program minifier escapes every non-ASCII character (ascii_only): each Chinese
    // character of a label or message then takes 6 bytes instead of 3, ~4 KB over the weapp main
    // package. The mini-program engines read UTF-8 sources; Taro's other minifier defaults stay.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    mini: {
      compile: { include: [transpiledPackages] },
      // NutUI's per-component CSS arrives in different orders from different pages; order is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        dropUnusedAxiosAdapters(chain, ['xhr', 'fetch']);
        declarePureLib(chain);
        // The mini-program engines have no AbortController; react-query and axios need one.
        chain.plugin('providerPlugin').tap((args: Record<string, unknown>[]) => {
          const provided = args[0] ?? {};
          provided.AbortController = [path.resolve(root, 'src/core/abort-controller.ts'), 'AbortController'];
          provided.AbortSignal = [path.resolve(root, 'src/core/abort-controller.ts'), 'AbortSignal'];
          return [provided];
        });
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      compile: { include: [transpiledPackages] },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      webpackChain(chain) {
        dropUnusedAxiosAdapters(chain, ['fetch']);
        declarePureLib(chain);
        if (process.env.NODE_ENV !== 'development') precompressAssets(chain);
        // dist/h5/page-assets.json: each page's lazily loaded files, for the gateway's preload hints.
        chain.plugin('pageAssets').use(PageAssetsPlugin, [path.resolve(root, 'src')]);
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
