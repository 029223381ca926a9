import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { createSwcRegister } from '@tarojs/helper';
import type { Compiler, Module } from 'webpack';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const APP_CONFIG_DIR = path.join(REPO_ROOT, 'config');
const OUT_DIR = path.join(REPO_ROOT, 'test', 'bench', 'results', 'analyse');

/** The part of webpack-chain used here (Taro hands the chain to `webpackChain`). */
interface WebpackChain {
  plugin(name: string): { use(plugin: unknown): unknown };
}
type ChainHook = (chain: WebpackChain, ...rest: unknown[]) => void;

/** Where a module comes from: its npm package, or its folder in the app. */
function origin(resource: string): string {
  const nm = resource.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = resource.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const rel = path.relative(REPO_ROOT, resource).split(path.sep);
  return rel.slice(0, Math.min(rel.length - 1, 2)).join('/') || rel.join('/');
}

/** Writes, per emitted chunk, the source bytes (before minifying) of each package or app folder in it. */
class ModuleSizesPlugin {
  constructor(private readonly file: string) {}
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tap('ModuleSizesPlugin', (compilation) => {
      const chunks: Record<string, { files: string[]; origins: Record<string, number>; largest: [string, number][] }> =
        {};
      for (const chunk of compilation.chunks) {
        const origins: Record<string, number> = {};
        const modules: [string, number][] = [];
        for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
          // Scope hoisting merges modules into one; count each merged module under its own package.
          const inner = (module as Module & { modules?: Iterable<Module> }).modules;
          for (const m of inner ? [...inner] : [module]) {
            const resource = (m.nameForCondition() ?? m.identifier()).split('?')[0];
            const key = origin(resource);
            origins[key] = (origins[key] ?? 0) + m.size();
            modules.push([path.relative(REPO_ROOT, resource), m.size()]);
          }
        }
        const largest = modules.sort((x, y) => y[1] - x[1]).slice(0, 25);
        chunks[String(chunk.name ?? chunk.id)] = { files: [...chunk.files], origins, largest };
      }
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, `${JSON.stringify(chunks, null, 2)}\n`);
    });
  }
}

/**
 * The app's build with its own config, plus a plugin that records which packages fill each
 * chunk: the evidence behind the bench's size figures. Sources are the app's src/; the output
 * goes to test/bench/results/analyse/ (ignored by git), never to dist/.
 */
export default defineConfig<'webpack5'>(async (merge, env) => {
  createSwcRegister({ only: [(file: string) => file.startsWith(APP_CONFIG_DIR) || file.startsWith(__dirname)] });
  const { default: appConfig } = await import('../../../../config/index');
  const app = (
    typeof appConfig === 'function' ? await appConfig(merge, env) : appConfig
  ) as UserConfigExport<'webpack5'>;
  const platform = process.env.TARO_ENV ?? 'h5';
  // BENCH_ANALYSE=floor analyses the floor instead, to compare like with like.
  const floor = process.env.BENCH_ANALYSE === 'floor';
  const sources = floor ? path.join(REPO_ROOT, 'test', 'bench', 'floor', 'src') : path.join(REPO_ROOT, 'src');
  const name = `${floor ? 'floor' : 'app'}-${platform}`;
  const plugin = new ModuleSizesPlugin(path.join(OUT_DIR, `${name}-modules.json`));
  // Keep the app's own webpackChain (ProvidePlugin for AbortController) and add the plugin after it.
  const hooks = app as unknown as Partial<Record<'mini' | 'h5', { webpackChain?: ChainHook }>>;
  const chain = (key: 'mini' | 'h5') => ({
    webpackChain(c: WebpackChain, ...rest: unknown[]) {
      hooks[key]?.webpackChain?.(c, ...rest);
      c.plugin('moduleSizes').use(plugin);
    },
  });
  return merge({}, app, {
    sourceRoot: path.relative(path.dirname(__dirname), sources),
    outputRoot: path.relative(path.dirname(__dirname), path.join(OUT_DIR, name)),
    mini: chain('mini'),
    h5: chain('h5'),
  });
});
