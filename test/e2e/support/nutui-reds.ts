import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every colour NutUI falls back to for its primary and danger variables (its JD reds and pinks),
 * read from its own stylesheets, as `rgb(r, g, b)`: none may be drawn anywhere in the app.
 */
export function nutuiDefaultReds(): string[] {
  const packages = path.resolve(__dirname, '../../../node_modules/@nutui/nutui-react-taro/dist/es/packages');
  const found = new Set<string>();
  for (const name of readdirSync(packages)) {
    let css: string;
    try {
      css = readFileSync(path.join(packages, name, 'style/style.css'), 'utf8');
    } catch {
      continue;
    }
    for (const [, hex] of css.matchAll(/var\(--nutui-color-(?:primary|danger)[a-z0-9-]*,\s*#([0-9a-fA-F]{6})\)/g)) {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
      found.add(`rgb(${r}, ${g}, ${b})`);
    }
  }
  return [...found];
}
