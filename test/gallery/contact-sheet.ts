import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findingKind, findingText, isBroken, type Screen } from './screen';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const SESSION_NAMES = { 'logged-out': '未登录', 'logged-in': '已登录（演示居民）' } as const;
const MODE_NAMES = { normal: '标准', care: '关怀模式' } as const;

function findingsBlock(screen: Screen): string {
  if (screen.findings === undefined) return '';
  if (screen.findings.length === 0) return '<p class="clean">audit: no findings</p>';
  const counts = new Map<string, number>();
  for (const f of screen.findings) counts.set(findingKind(f), (counts.get(findingKind(f)) ?? 0) + 1);
  const head = [...counts].map(([kind, n]) => `${escape(kind)} ${n}`).join(' · ');
  const items = screen.findings.map((f) => `<li><b>${escape(findingKind(f))}</b> ${escape(findingText(f))}</li>`);
  return `<details><summary>${head}</summary><ul>${items.join('')}</ul></details>`;
}

function figure(screen: Screen): string {
  const broken = isBroken(screen)
    ? `<p class="broken">${escape(screen.problem ?? '')} ${screen.errors.map(escape).join('; ')}</p>`
    : '';
  return `<figure class="${isBroken(screen) ? 'bad' : ''}">
  <a href="${escape(screen.file)}"><img src="${escape(screen.file)}" loading="lazy" width="${Math.round(screen.width * 0.6)}" alt="${escape(`${screen.page} ${screen.state}`)}"></a>
  <figcaption><b>${escape(screen.page)}</b><br>${escape(screen.state)} · ${SESSION_NAMES[screen.session]} · ${MODE_NAMES[screen.mode]} · ${screen.width} px</figcaption>
  ${broken}${findingsBlock(screen)}
</figure>`;
}

/** test/screens/index.html: every screenshot, grouped by page in app.config.ts order, with its captions. */
export function writeContactSheet(dir: string, pages: readonly string[], screens: readonly Screen[]): string {
  const sections = pages.map((page) => {
    const own = screens.filter((s) => s.page === page);
    return `<section id="${escape(page)}"><h2>${escape(page)} <small>${own.length} screens</small></h2>
<div class="row">${own.map(figure).join('\n')}</div></section>`;
  });
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>洪山掌上办 · 页面总览</title>
<style>
body { font: 14px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; margin: 24px; color: #1a202c; }
nav a { margin-right: 12px; }
.row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure { margin: 0; max-width: 260px; }
figure img { border: 1px solid #cbd5e0; display: block; height: auto; }
figure.bad img { border: 3px solid #c53030; }
figcaption { font-size: 12px; margin-top: 4px; }
.broken { color: #c53030; font-size: 12px; }
.clean { color: #2f855a; font-size: 12px; }
details { font-size: 12px; } details li { margin: 2px 0; word-break: break-all; }
h2 small { color: #718096; font-weight: normal; }
</style></head><body>
<h1>洪山掌上办 · 页面总览</h1>
<p>${screens.length} screens, generated ${escape(new Date().toISOString())} from the demo gateway (npm run screens).</p>
<nav>${pages.map((p) => `<a href="#${escape(p)}">${escape(p)}</a>`).join('')}</nav>
${sections.join('\n')}
</body></html>
`;
  const file = path.join(dir, 'index.html');
  writeFileSync(file, html);
  return file;
}
