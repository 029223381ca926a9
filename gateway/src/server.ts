import path from 'node:path';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Database } from 'better-sqlite3';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import {
  DEFAULT_ACCESS_TOKEN_TTL,
  DEFAULT_REFRESH_TOKEN_TTL,
  type AlipayCredentials,
  type WeappCredentials,
} from './config';
import { DEFAULT_IP_LIMITS, type GatewayContext, type IpLimits } from './context';
import { DEFAULT_SEED_DIR, REPO_ROOT } from './paths';
import { openDatabase } from './db/open-database';
import { seedDatabase } from './seed/seed-database';
import { seedDemoHistory } from './demo/seed-demo-history';
import { CatalogueStore } from './store/catalogue-store';
import { FavouriteStore } from './store/favourite-store';
import { SmsCodeStore } from './store/sms-code-store';
import { TokenStore } from './store/token-store';
import { UserStore } from './store/user-store';
import { SearchService } from './search/search-service';
import { SmsService } from './auth/sms-service';
import { TokenService } from './auth/token-service';
import { PlatformIdentity, type FetchLike } from './auth/platform-identity';
import { loadSmsSecret } from './auth/secret-files';
import { RealNameService } from './auth/real-name-service';
import { IdentityClaimStore } from './store/identity-claim-store';
import { loggerOptions, mobileTail, requestId, type LogDestination } from './logging';
import { rateLimited } from './http/api-error';
import { registerGzipInMemory } from './http/gzip-in-memory';
import { registerErrorHandler } from './http/error-handler';
import { registerResponseCheck } from './http/response-check';
import { typeboxValidatorCompiler } from './http/validator-compiler';
import { openApiRoute, registerOpenApi } from './http/openapi';
import { catalogueRoutes } from './routes/catalogue-routes';
import { searchRoutes } from './routes/search-routes';
import { authRoutes } from './routes/auth-routes';
import { meRoutes } from './routes/me-routes';
import { caseRoutes } from './routes/case-routes';
import { prereviewRoutes } from './routes/prereview-routes';
import { adminCaseRoutes } from './routes/admin-case-routes';
import { prereviewServices } from './cases/prereview-services';
import { personalRatingRoutes, publicRatingRoutes } from './routes/rating-routes';
import { adminRoutes } from './routes/admin-routes';
import { caseAndRatingServices } from './ratings/services';
import { commitmentServices } from './commitments/services';
import { CommitmentKey } from './commitments/signing-key';
import { uploadRoutes } from './routes/upload-routes';
import { uploadSessionRoutes } from './routes/upload-session-routes';
import { UploadSessionService } from './uploads/upload-session-service';
import { personalCommitmentRoutes, publicCommitmentRoutes } from './routes/commitment-routes';
import { IndexPage, registerStaticSite } from './web/static-site';
import { healthRoutes } from './routes/health-routes';
import { BackupScheduler, type BackupSchedule } from './backup/backup-scheduler';
import { registerSecurityHeaders } from './http/security-headers';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { registerDeclaredBodyLimit } from './http/declared-body-limit';
import { RouteMethods } from './http/route-methods';
import { bookingRoutes } from './routes/booking-routes';
import { bookingServices } from './booking/services';
import type { BookingNotifier } from './booking/booking-notifier';
import { outboxBookingNotifier } from './booking/booking-outbox-notifier';
import { API_PREFIX, type NotificationChannel } from '../../types/contract';
import { NotificationService } from './notifications/notification-service';
import { NotificationWorker } from './notifications/notification-worker';
import { notificationRoutes } from './routes/notification-routes';
import {
  channelSenders,
  type NotificationSender,
  type StandInDelivery,
  type TemplateIds,
} from './notifications/channel-senders';

export interface GatewayOptions {
  /**
   * Holds gateway.sqlite, files/ (uploads, named by random id) and keys/ (the Ed25519 key that signs
   * commitment receipts); all created on first start.
   */
  dataDir: string;
  /** The built H5 app; default `<repo>/dist/h5`. */
  staticDir?: string;
  logLevel?: string;
  /** Where log lines go (default stdout); tests capture them to check nothing personal is logged. */
  logStream?: LogDestination;
  /** The gateway's clock: every expiry and limit reads it, so tests can move time. */
  now?: () => Date;
  /** Called with every SMS code issued (tests and e2e read codes here; the log has it too). */
  onSmsCode?: (mobile: string, code: string) => void;
  /** Seed an empty database on start (default true). */
  seed?: boolean;
  /** Default gateway/seed; tests point it at a fixture. */
  seedDir?: string;
  weapp?: WeappCredentials;
  alipay?: AlipayCredentials;
  /** GATEWAY_SMS_CODE_SECRET; default: <dataDir>/keys/sms-code-hmac.key, made on first start. */
  smsCodeSecret?: string;
  /** Seconds (default 900). */
  accessTokenTtl?: number;
  /** Seconds (default 30 days). */
  refreshTokenTtl?: number;
  ipLimits?: Partial<IpLimits>;
  /** For the mini-program code exchange (default global fetch); tests stub the platforms with it. */
  platformFetch?: FetchLike;
  /** Search answers kept for repeated queries (default 256; 0 keeps none, e.g. to time the engine). */
  searchAnswerCache?: number;
  /** GATEWAY_ADMIN_TOKEN: officer routes need it in `x-admin-token`; unset → they answer 403. */
  adminToken?: string;
  /** Working days from a 差评 to its rectification deadline (default 15). */
  rectificationDays?: number;
  /** Public base URL of the app, for window QR codes (default: the request's own origin). */
  publicBaseUrl?: string;
  /**
   * Write the demo residents' history (gateway/src/demo) on start, once per data folder. Default
   * false: tests and real deployments start clean; `npm start` turns it on.
   */
  demoData?: boolean;
  /** Scheduled backups (GATEWAY_BACKUP_DIR…); none when unset. */
  backup?: BackupSchedule;
  /**
   * GATEWAY_TRUST_PROXY: believe X-Forwarded-Proto/-For from the proxy in front (Fastify's
   * `trustProxy`), so HSTS is sent when the proxy terminates HTTPS. Default false: a client could
   * otherwise claim https, or any IP to the rate limits.
   */
  trustProxy?: boolean;
  /**
   * Milliseconds. `request`: the whole request (headers and body) must have arrived by then, else
   * 408 (default 300 000, Node's own default, which Fastify turns off). `handler`: a route that has
   * not answered by then gets 503 (default off: Fastify starts that clock before the body is read,
   * so a chunk upload over a slow phone line, or a long file download, would be cut).
   */
  timeouts?: { request?: number; handler?: number };
  /** Where booking reminders and "your number is near" go. Default: the notification outbox. */
  bookingNotifier?: BookingNotifier;
  /**
   * Milliseconds between booking sweeps (missed bookings → no-shows, day-before reminders); default
   * 60 000, 0 turns the timer off (tests run the sweep through the admin CLI with their own clock).
   */
  bookingSweepMs?: number;
  notifications?: NotificationOptions;
}

/** The outbox worker (gateway/src/notifications). */
export interface NotificationOptions {
  /** GATEWAY_NOTIFY_INTERVAL_MS: poll interval (default 1000); 0: no worker runs in this process. */
  intervalMs?: number;
  /** Template ids per platform; used with the platform's credentials (`weapp`, `alipay`). */
  weappTemplates?: TemplateIds;
  alipayTemplates?: TemplateIds;
  /** Replaces a channel's sender (tests: a platform that fails, or hangs). */
  senders?: Partial<Record<NotificationChannel, NotificationSender>>;
  /** Called with every stand-in delivery (tests and the latency benchmark read them here). */
  onStandIn?: (delivery: StandInDelivery) => void;
  /** Delays between attempts (default 1 min, 5 min, 30 min, 2 h). */
  backoffMs?: number[];
}

const BOOKING_SWEEP_MS = 60_000;

/** A 4 MB upload still arrives in time at about 110 kbit/s. */
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * Demo history is a convenience: a catalogue without the demo's items (an imported district) makes
 * it fail, which is logged, and the gateway starts without it (each resident is all or nothing).
 */
function seedDemoData(
  db: Database,
  options: GatewayOptions,
  key: CommitmentKey,
  now: Date,
  log: FastifyBaseLogger,
): void {
  try {
    const { seeded } = seedDemoHistory(db, {
      dataDir: options.dataDir,
      key,
      now,
      rectificationDays: options.rectificationDays,
      log,
    });
    log.info(
      { demo: { seeded: seeded.length } },
      '演示数据已开启：演示居民（138 0013 8001–8003）的办件、承诺与评价；GATEWAY_DEMO_DATA=off 或 --no-demo-data 关闭',
    );
  } catch (error) {
    log.error({ err: error }, 'demo history could not be written; the gateway starts without it');
  }
}

function startNotificationWorker(
  db: Database,
  options: GatewayOptions,
  now: () => Date,
  log: FastifyBaseLogger,
): NotificationWorker {
  const settings = options.notifications ?? {};
  const platforms = {
    ...(options.weapp ? { weapp: { ...options.weapp, templateIds: settings.weappTemplates ?? {} } } : {}),
    ...(options.alipay ? { alipay: { ...options.alipay, templateIds: settings.alipayTemplates ?? {} } } : {}),
  };
  const senders = {
    ...channelSenders({
      platforms,
      fetch: options.platformFetch ?? fetch,
      now,
      log: (data, message) => log.info(data, message),
      onStandIn: settings.onStandIn,
    }),
    ...settings.senders,
  };
  for (const channel of ['weapp', 'alipay', 'sms'] as const) {
    if (senders[channel].label.startsWith('本地替身')) {
      log.info({ channel }, 'notifications on this channel go to the log (local stand-in)');
    }
  }
  const worker = new NotificationWorker({
    db,
    now,
    senders,
    log: { info: (data, message) => log.info(data, message), warn: (data, message) => log.warn(data, message) },
    intervalMs: settings.intervalMs,
    backoffMs: settings.backoffMs,
  });
  worker.start();
  return worker;
}

export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const staticDir = options.staticDir ?? path.join(REPO_ROOT, 'dist', 'h5');
  const indexPage = new IndexPage(staticDir);
  const headers = { policy: () => indexPage.contentSecurityPolicy() };
  const requestTimeout = options.timeouts?.request ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? 'info', options.logStream),
    genReqId: requestId,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy === true,
    requestTimeout,
    ...(options.timeouts?.handler ? { handlerTimeout: options.timeouts.handler } : {}),
    // Node checks for timed-out requests on this interval (default 30 s, longer than a short timeout).
    http: {
      headersTimeout: Math.min(60_000, requestTimeout),
      connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(requestTimeout / 4))),
    },
    frameworkErrors: frameworkErrors(headers),
    clientErrorHandler: clientErrorHandler(headers),
  });
  const db = openDatabase(options.dataDir);
  let backups: BackupScheduler | undefined;
  // Started last, once everything it reads exists; stopped first.
  const outbox: { worker?: NotificationWorker } = {};
  // Fastify runs onClose hooks once requests in flight are done; a backup in progress is awaited
  // too, and so are notification sends in flight (their outcome is recorded before the file closes).
  app.addHook('onClose', async () => {
    await outbox.worker?.stop();
    await backups?.stop();
    db.close();
  });
  // Fastify closes the connections idle when closing starts; one whose request finishes later (a
  // chunk in flight at SIGTERM) would hold the server open until its keep-alive timeout: swept.
  app.addHook('preClose', (done) => {
    if (app.server.listening) {
      const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
      app.server.once('close', () => clearInterval(sweep));
    }
    done();
  });

  let commitmentKey: CommitmentKey;
  try {
    if (options.seed !== false) seedDatabase(db, options.seedDir ?? DEFAULT_SEED_DIR, now, app.log);
    // Created on first start: <dataDir>/keys/commitment-ed25519.pem (0600) and .pub.pem.
    commitmentKey = CommitmentKey.loadOrCreate(options.dataDir);
    if (options.demoData === true) seedDemoData(db, options, commitmentKey, now(), app.log);
  } catch (error) {
    db.close();
    throw error;
  }

  const catalogue = new CatalogueStore(db);
  const users = new UserStore(db);
  const search = new SearchService(catalogue, options.searchAnswerCache);
  search.rebuild();
  const identity = new PlatformIdentity({
    weapp: options.weapp,
    alipay: options.alipay,
    fetch: options.platformFetch ?? fetch,
    now,
  });
  for (const platform of ['weapp', 'alipay'] as const) {
    if (!identity.configured(platform)) {
      app.log.warn({ platform }, 'no mini-program credentials: code-login uses the local identity stand-in');
    }
  }
  const sms = new SmsService({
    store: new SmsCodeStore(db),
    secret: loadSmsSecret(options.dataDir, options.smsCodeSecret),
    now,
    deliver: (mobile, code, purpose) => {
      // No SMS provider in the reference gateway: the code goes to the log, with the number masked.
      const what = purpose === 'login' ? '登录验证码' : '实名身份绑定确认码';
      app.log.info({ sms: { to: mobileTail(mobile), code, purpose } }, `短信${what} ${mobileTail(mobile)}: ${code}`);
      options.onSmsCode?.(mobile, code);
    },
  });
  const ctx: GatewayContext = {
    now,
    catalogue,
    search,
    users,
    favourites: new FavouriteStore(db),
    sms,
    realName: new RealNameService({ users, claims: new IdentityClaimStore(db), sms, now }),
    tokens: new TokenService({
      store: new TokenStore(db),
      now,
      accessTtl: options.accessTokenTtl ?? DEFAULT_ACCESS_TOKEN_TTL,
      refreshTtl: options.refreshTokenTtl ?? DEFAULT_REFRESH_TOKEN_TTL,
      onReuse: (familyId) => app.log.warn({ familyId }, 'refresh token reused: the whole login is revoked'),
    }),
    identity,
    ipLimits: { ...DEFAULT_IP_LIMITS, ...options.ipLimits },
    ...caseAndRatingServices(db, {
      now,
      dataDir: options.dataDir,
      rectificationDays: options.rectificationDays,
      users,
      catalogue,
    }),
    ...commitmentServices(db, { now, dataDir: options.dataDir, key: commitmentKey, users, catalogue }),
    ...prereviewServices(db, { now, users, catalogue }),
    ...bookingServices(db, {
      now,
      dataDir: options.dataDir,
      notifier: options.bookingNotifier ?? outboxBookingNotifier(now),
      users,
      catalogue,
    }),
    uploadSessions: new UploadSessionService({ db, dataDir: options.dataDir, now }),
    notifications: new NotificationService(db, now, {
      weapp: options.notifications?.weappTemplates,
      alipay: options.notifications?.alipayTemplates,
    }),
    adminToken: options.adminToken || undefined,
    publicBaseUrl: options.publicBaseUrl,
  };

  app.setValidatorCompiler(typeboxValidatorCompiler);
  // Responses are checked against the contract (response-check) before this runs; plain JSON is enough.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerErrorHandler(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerSecurityHeaders(app, headers);
  registerDeclaredBodyLimit(app);
  const routeMethods = new RouteMethods(API_PREFIX);
  routeMethods.register(app);
  registerResponseCheck(app);
  registerGzipInMemory(app);
  await app.register(fastifyCompress, { global: true, threshold: 1024 });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      rateLimited(context.ttl / 1000, `操作过于频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  });
  await registerOpenApi(app);

  await app.register(
    async (api) => {
      await api.register(catalogueRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(authRoutes(ctx));
      await api.register(meRoutes(ctx));
      await api.register(caseRoutes(ctx));
      await api.register(prereviewRoutes(ctx));
      await api.register(publicRatingRoutes(ctx));
      await api.register(personalRatingRoutes(ctx));
      await api.register(uploadRoutes(ctx));
      await api.register(uploadSessionRoutes(ctx));
      await api.register(publicCommitmentRoutes(ctx));
      await api.register(personalCommitmentRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(adminRoutes(ctx));
      await api.register(adminCaseRoutes(ctx));
      await api.register(bookingRoutes(ctx));
      openApiRoute(api);
    },
    { prefix: API_PREFIX },
  );

  await app.register(healthRoutes({ db, dataDir: options.dataDir }));
  await registerStaticSite(app, staticDir, { indexPage, allowedMethods: (p) => routeMethods.allowed(p) });
  const sweepMs = options.bookingSweepMs ?? BOOKING_SWEEP_MS;
  if (sweepMs > 0) {
    const sweep = setInterval(() => {
      try {
        const done = ctx.bookings.sweep();
        if (done.noShows + done.reminded > 0) app.log.info({ booking: done }, 'booking sweep');
      } catch (error) {
        app.log.error({ err: error }, 'booking sweep failed; the next one retries');
      }
    }, sweepMs);
    // The timer must not keep a stopping process alive.
    sweep.unref();
    // preClose: stopped before the onClose hook closes the database under it.
    app.addHook('preClose', async () => clearInterval(sweep));
  }
  if (options.backup) {
    backups = new BackupScheduler({ db, dataDir: options.dataDir, schedule: options.backup, log: app.log });
    backups.start();
  }
  outbox.worker = startNotificationWorker(db, options, now, app.log);
  return app;
}
