import { formatRatio, formatValue, type Figure } from './figures';

export interface RunMeta {
  startedAt: string;
  durationS: number;
  runs: number;
  node: string;
  chromium: string;
  cpus: number;
  cpuModel: string;
  built: string;
  notes: string[];
}

const HEADERS = ['figure', 'value', 'floor', 'ratio', 'target', 'met'] as const;

function cells(f: Figure): string[] {
  const value = f.value === null ? (f.note ?? '—') : formatValue(f.value, f.unit);
  const met = f.target ? (f.target.met ? 'met' : 'NOT met') : '';
  return [f.name, value, formatValue(f.floor, f.unit), formatRatio(f.ratio), f.target?.text ?? '', met];
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

function sections(figures: Figure[]): Map<string, Figure[]> {
  const map = new Map<string, Figure[]>();
  for (const f of figures) map.set(f.section, [...(map.get(f.section) ?? []), f]);
  return map;
}

/** The table as printed to the terminal: one block per section, columns aligned. */
export function renderText(figures: Figure[], meta: RunMeta): string {
  const rows = figures.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i]))
      .join('  ')
      .trimEnd();
  const out = [
    `洪山掌上办 bench — ${meta.startedAt}, ${meta.durationS} s, medians of ${meta.runs} runs`,
    `node ${meta.node}, ${meta.chromium}, ${meta.cpus} × ${meta.cpuModel}; builds: ${meta.built}`,
    '',
    line(HEADERS),
    line(widths.map((w) => '-'.repeat(w))),
  ];
  for (const [section, list] of sections(figures)) {
    out.push(section);
    for (const f of list) out.push(line(cells(f).map((c, i) => (i === 0 ? `  ${c}` : c))));
  }
  const met = figures.filter((f) => f.target?.met).length;
  const targets = figures.filter((f) => f.target).length;
  out.push('', `targets met: ${met} of ${targets}`, ...meta.notes.map((n) => `note: ${n}`));
  return out.join('\n');
}

const escapeMd = (text: string): string => text.replace(/\|/g, '\\|');

/** The same table as Markdown, for pasting into an issue or a review. */
export function renderMarkdown(figures: Figure[], meta: RunMeta): string {
  const out = [
    '# 洪山掌上办 bench',
    '',
    `${meta.startedAt} · ${meta.durationS} s · medians of ${meta.runs} runs · node ${meta.node} · ${meta.chromium} · ` +
      `${meta.cpus} × ${meta.cpuModel} · builds: ${meta.built}`,
    '',
  ];
  for (const [section, list] of sections(figures)) {
    out.push(`## ${section}`, '', `| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`);
    for (const f of list) out.push(`| ${cells(f).map(escapeMd).join(' | ')} |`);
    out.push('');
  }
  const met = figures.filter((f) => f.target?.met).length;
  out.push(`Targets met: ${met} of ${figures.filter((f) => f.target).length}.`, '');
  for (const note of meta.notes) out.push(`- ${note}`);
  return `${out.join('\n')}\n`;
}
