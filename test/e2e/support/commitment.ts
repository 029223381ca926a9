import type { Page } from 'playwright-core';

/** Scrolls the 告知书 to its end with the mouse wheel, as a reader would. */
export async function readNoticeToEnd(page: Page): Promise<void> {
  // The page may open scrolled down (the previous page's position): bring the notice into view first.
  await page.locator('.notice__scroll').scrollIntoViewIfNeeded();
  const box = await page.locator('.notice__scroll').boundingBox();
  if (!box) throw new Error('notice not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i += 1) await page.mouse.wheel(0, 400);
  await page.getByText('✓ 已阅读至全文末尾').waitFor();
}

/** Strokes of a handwritten name, in fractions of the pad (enough ink for the gateway's rule). */
export const NAME_STROKES: [number, number][][] = [
  [
    [0.1, 0.3],
    [0.3, 0.3],
  ],
  [
    [0.2, 0.2],
    [0.2, 0.8],
    [0.12, 0.7],
  ],
  [
    [0.4, 0.25],
    [0.55, 0.25],
    [0.48, 0.15],
    [0.48, 0.85],
  ],
  [
    [0.62, 0.3],
    [0.85, 0.3],
    [0.7, 0.5],
    [0.9, 0.8],
  ],
];

/** Real pointer strokes on the signature canvas, in fractions of its size. */
export async function drawSignature(page: Page, strokes: [number, number][][]): Promise<void> {
  await page.locator('.sig__canvas canvas').scrollIntoViewIfNeeded();
  const box = await page.locator('.sig__canvas canvas').boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first[0] * box.width, box.y + first[1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

/**
 * Canonical JSON as the receipt format defines it: keys sorted, no whitespace. Written here from the
 * format, not imported from the gateway, so a test checks the gateway against the format.
 */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
