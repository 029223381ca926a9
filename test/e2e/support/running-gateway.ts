import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildGateway, type NotificationOptions } from '../../../gateway/src/server';

/** The officers' token for the admin API in e2e runs. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token';

export interface RunningGateway {
  app: FastifyInstance;
  baseUrl: string;
  dataDir: string;
  /** The last SMS code the gateway "sent" to each mobile. */
  smsCodes: Map<string, string>;
  close: () => Promise<void>;
}

const H5_DIST = path.resolve(__dirname, '../../../dist/h5');

/**
 * Message template ids, as a district would configure them (WEAPP_TEMPLATE_*, ALIPAY_TEMPLATE_*):
 * the app asks the platforms' consent prompts for these. Without credentials the gateway delivers
 * to its log (the stand-in), as it logs in without them.
 */
export const TEST_TEMPLATE_IDS = {
  case_status: 'tmpl-case-status',
  commitment_result: 'tmpl-commitment-result',
  rectification: 'tmpl-rectification',
  rating_reminder: 'tmpl-rating-reminder',
  appointment: 'tmpl-appointment',
} as const;

export interface StartGatewayOptions {
  /** Serve dist/h5 (default true); the mini-program suite needs only the API. */
  h5?: boolean;
  /**
   * Write the demo residents' history (gateway/src/demo) before listening (default false: journeys
   * start from a clean database). They log in like anyone: `signInBySms(page, gateway, DEMO_RESIDENTS[0].mobile)`.
   */
  demoData?: boolean;
  /** The gateway's clock (default the real one): journeys that cross days (预约 → 取号) move it. */
  now?: () => Date;
  /** The outbox worker and the template ids the app asks consent for (default: TEST_TEMPLATE_IDS). */
  notifications?: NotificationOptions;
}

/**
 * The real gateway with its seed, serving the built H5 app, on a free loopback port. The
 * mini-program suite needs only the API (`h5: false`).
 */
export async function startGateway(options: StartGatewayOptions = {}): Promise<RunningGateway> {
  if (options.h5 !== false && !existsSync(path.join(H5_DIST, 'index.html'))) {
    throw new Error('dist/h5 is missing: run `npm run build:h5` first (npm test does)');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hsz-e2e-'));
  const smsCodes = new Map<string, string>();
  const app = await buildGateway({
    dataDir,
    staticDir: H5_DIST,
    logLevel: 'warn',
    onSmsCode: (mobile, code) => smsCodes.set(mobile, code),
    adminToken: E2E_ADMIN_TOKEN,
    demoData: options.demoData ?? false,
    now: options.now,
    notifications: options.notifications ?? { weappTemplates: TEST_TEMPLATE_IDS, alipayTemplates: TEST_TEMPLATE_IDS },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('gateway did not bind a TCP port');
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    dataDir,
    smsCodes,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
