/**
 * `npm run screens`: every page of the app in Chromium against the gateway with demo history,
 * logged out and logged in (as the main demo resident, through the SMS login page), normal and
 * 关怀模式, at each width: PNGs and an index.html contact sheet in test/screens/. With `--audit`,
 * each screen is also checked (axe-core serious/critical, overlapping controls, overflowing text,
 * small tap targets, NutUI's default reds) into audit.json and a summary. Findings never fail the
 * run (it is a report); a page that crashes or never settles does.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { appPages } from '../e2e/support/app-pages';
import { launchBrowser } from '../e2e/support/browser';
import {
  openPhoneAt,
  screenshotWhole,
  tourStops,
  turnOnCareMode,
  visit,
  type Mode,
  type Session,
} from '../e2e/support/page-tour';
import { startGateway, type RunningGateway } from '../e2e/support/running-gateway';
import { auditScreen } from '../e2e/support/screen-audit';
import { tourIdsFor, type TourLogin } from '../e2e/support/tour-login';
import { summarise, summaryTable, writeAuditJson } from './audit-report';
import { writeContactSheet } from './contact-sheet';
import { ensureH5Build } from './h5-build';
import { parseOptions, type GalleryOptions } from './options';
import { isBroken, type Screen } from './screen';

const OUT = path.resolve(__dirname, '../screens');
const SESSIONS: readonly Session[] = ['logged-out', 'logged-in'];
const MODES: readonly Mode[] = ['normal', 'care'];

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const slug = (page: string): string => page.replace(/\/index$/, '').replace(/\//g, '-');

async function tour(gateway: RunningGateway, options: GalleryOptions): Promise<Screen[]> {
  const browser = await launchBrowser();
  const pages = appPages();
  const screens: Screen[] = [];
  // The resident logs in once; other widths reuse the login.
  const saved: { login?: TourLogin } = {};
  try {
    for (const width of options.widths) {
      for (const session of SESSIONS) {
        const { context, page } = await openPhoneAt(
          browser,
          width,
          session === 'logged-in' ? saved.login?.state : undefined,
        );
        const ids = await tourIdsFor(gateway, context, page, session, saved);
        for (const mode of MODES) {
          if (mode === 'care') await turnOnCareMode(page, gateway.baseUrl);
          for (const stop of tourStops(pages, session, ids)) {
            const file = `${String(screens.length + 1).padStart(3, '0')}-${slug(stop.page)}-${session}-${mode}-${width}.png`;
            const result = await visit(page, gateway.baseUrl, stop);
            const screen: Screen = { ...stop, session, mode, width, file, ...result };
            // Audited at the phone's own height, before the screenshot stretches the viewport.
            if (options.audit && result.settled) screen.findings = await auditScreen(page, mode);
            await screenshotWhole(page, path.join(OUT, file));
            screens.push(screen);
            const note = isBroken(screen) ? `  ✗ ${result.problem ?? ''} ${result.errors.join('; ')}` : '';
            const found = screen.findings ? `  ${screen.findings.length} findings` : '';
            log(`${file}  ${stop.state}${found}${note}`);
          }
        }
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return screens;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  ensureH5Build(log);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const gateway = await startGateway({ demoData: true });
  let screens: Screen[];
  try {
    log(
      `gateway with demo history at ${gateway.baseUrl}; widths ${options.widths.join(', ')}${options.audit ? '; audit on' : ''}`,
    );
    screens = await tour(gateway, options);
  } finally {
    await gateway.close();
  }
  log(`\ncontact sheet: ${writeContactSheet(OUT, appPages(), screens)}`);
  if (options.audit) {
    const summary = summarise(screens);
    log(`audit: ${writeAuditJson(OUT, screens, summary)}\n`);
    log(summaryTable(summary, screens.length));
  }
  const broken = screens.filter(isBroken);
  if (broken.length > 0) {
    log(`\n${broken.length} screens crashed or never settled:`);
    for (const s of broken) log(`  ${s.file}: ${s.problem ?? ''} ${s.errors.join('; ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
