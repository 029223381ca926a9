/**
 * Draws the tab bar's icons (normal and selected) from NutUI's icon set into src/assets/tab-bar/.
 * The mini-programs' native tab bars take image files only, so the icons the rest of the app draws
 * with `@nutui/icons-react-taro` are rasterised once, in the theme's colours, with the system
 * Chromium, and stored as palette PNGs (a single colour at a few dozen levels of alpha, at a
 * third of the bytes of Chromium's RGBA: they count against the main package). H5 gets the
 * same icons as SVG (a few hundred bytes each, inlined into its app script).
 * Run after changing an icon or a colour: `npx tsx config/render-tab-bar-icons.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import UPNG from 'upng-js';

const root = path.resolve(__dirname, '..');
const ICONS_DIR = path.join(root, 'node_modules/@nutui/icons-react-taro/dist/es/icons');
const OUT_DIR = path.join(root, 'src/assets/tab-bar');
/** WeChat's recommended tab bar icon size, in pixels. */
const SIZE = 81;
const COLOUR = { normal: '#4a5568', selected: '#1f5fa8' };

const TABS: { file: string; normal: string; selected: string }[] = [
  { file: 'home', normal: 'Home', selected: 'HomeF' },
  { file: 'services', normal: 'Order', selected: 'OrderF' },
  { file: 'me', normal: 'User', selected: 'UserF' },
];

function iconSvg(name: string, colour: string): string {
  const source = readFileSync(path.join(ICONS_DIR, `${name}.js`), 'utf8');
  const base64 = /svg64: "data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)"/.exec(source)?.[1];
  if (!base64) throw new Error(`no SVG found for NutUI icon ${name}`);
  return Buffer.from(base64, 'base64')
    .toString('utf8')
    .replace(/fill="[^"]*"/g, `fill="${colour}"`);
}

/**
 * Entries of the palette: one colour at this many levels of alpha. 32 levels draw the anti-aliased
 * edge of an 81 px icon as smoothly as 256 (no visible step at 3× zoom), at two thirds of the bytes.
 */
const PALETTE_SIZE = 32;

/** Re-encodes an RGBA PNG with a palette (colour × alpha levels). */
function paletteOf(png: Buffer): Buffer {
  const image = UPNG.decode(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
  const rgba = UPNG.toRGBA8(image);
  return Buffer.from(UPNG.encode(rgba, image.width, image.height, PALETTE_SIZE));
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  for (const tab of TABS) {
    for (const state of ['normal', 'selected'] as const) {
      const svg = iconSvg(tab[state], COLOUR[state]);
      await page.setContent(
        `<body style="margin:0;background:transparent">` +
          `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" ` +
          `style="display:block;width:${SIZE - 12}px;height:${SIZE - 12}px;margin:6px"></body>`,
      );
      await page.waitForFunction(() => document.images[0]?.complete);
      const name = `${tab.file}${state === 'selected' ? '-selected' : ''}`;
      const png = paletteOf(await page.screenshot({ omitBackground: true }));
      writeFileSync(path.join(OUT_DIR, `${name}.png`), png);
      writeFileSync(path.join(OUT_DIR, `${name}.svg`), svg);
      console.log(`src/assets/tab-bar/${name}.png ${png.length} B, .svg ${svg.length} B`);
    }
  }
  await browser.close();
}

void main();
