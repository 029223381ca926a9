import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** File types a mini-program package counts (code, templates, styles, config, images). */
const COUNTED = /\.(js|json|wxml|wxss|wxs|axml|acss|sjs|png|jpe?g|gif|svg|webp)$/i;
/** IDE project files are not part of the uploaded package. */
const IDE_FILES = new Set(['project.config.json', 'project.private.config.json', 'mini.project.json']);

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  });
}

export interface PackageSizes {
  main: number;
  subpackages: Record<string, number>;
}

/** Bytes of the main package and of each subpackage, as the platform counts them. */
export function miniProgramPackageSizes(distDir: string): PackageSizes {
  const appJson = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[];
    subpackages?: { root: string }[];
  };
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'));
  const sizes: PackageSizes = { main: 0, subpackages: Object.fromEntries(roots.map((r) => [r, 0])) };
  for (const file of listFiles(distDir)) {
    if (!COUNTED.test(file) || IDE_FILES.has(file)) continue;
    const bytes = statSync(path.join(distDir, file)).size;
    const root = roots.find((r) => file.split(path.sep).join('/').startsWith(r));
    if (root) sizes.subpackages[root] += bytes;
    else sizes.main += bytes;
  }
  return sizes;
}
