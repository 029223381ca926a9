import fs from 'node:fs';
import path from 'node:path';
import type { Compiler, Module } from 'webpack';

/** Where the manifest lands in dist/h5 (the gateway reads it to add preload hints per page). */
export const PAGE_ASSETS_FILE = 'page-assets.json';

export type PageAssets = Record<string, { js: string[]; css: string[] }>;

function resourceOf(module: Module): string | undefined {
  const own = (module as { resource?: string }).resource;
  if (own) return own;
  // Concatenated modules keep the page module as their root.
  const root = (module as { rootModule?: Module }).rootModule;
  return root ? resourceOf(root) : undefined;
}

/**
 * Writes, for each H5 page, the script and style files its lazily loaded chunk group needs. The
 * browser otherwise learns of them only after app.js has downloaded and run: listed up front, the
 * gateway can hint them in the HTML and they load alongside app.js. A page is a module
 * `src/<path>/index.tsx` with a sibling `index.config.ts`.
 */
export class PageAssetsPlugin {
  constructor(private readonly srcDir: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('PageAssetsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PageAssetsPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const initial = new Set<string>();
          for (const entry of compilation.entrypoints.values()) {
            for (const chunk of entry.chunks) for (const file of chunk.files) initial.add(file);
          }
          const pages: PageAssets = {};
          for (const group of compilation.chunkGroups) {
            if (group.isInitial()) continue;
            let page: string | undefined;
            for (const chunk of group.chunks) {
              for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
                const resource = resourceOf(module);
                const rel = resource ? path.relative(this.srcDir, resource).split(path.sep).join('/') : '';
                const match = /^(.+\/index)\.tsx$/.exec(rel);
                if (match && fs.existsSync(path.join(this.srcDir, `${match[1]}.config.ts`))) page = match[1];
              }
            }
            if (!page) continue;
            const files = group.chunks.flatMap((chunk) => [...chunk.files]).filter((f) => !initial.has(f));
            pages[page] = {
              js: files.filter((f) => f.endsWith('.js')).sort(),
              css: files.filter((f) => f.endsWith('.css')).sort(),
            };
          }
          compilation.emitAsset(
            PAGE_ASSETS_FILE,
            new compiler.webpack.sources.RawSource(JSON.stringify(pages, null, 1)),
          );
        },
      );
    });
  }
}
