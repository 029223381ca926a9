import path from 'node:path';
import { REPO_ROOT } from './paths';
import { DEFAULT_RECTIFICATION_DAYS } from './ratings/rating-rules';
import { DEFAULT_SEARCH_ANSWER_CACHE } from './search/search-service';
import type { BackupSchedule } from './backup/backup-scheduler';
import type { NotificationTemplate } from '../../types/contract';
import { DEFAULT_NOTIFY_INTERVAL_MS } from './notifications/notification-worker';
import { NOTIFICATION_TEMPLATES } from './notifications/notification-templates';
import type { TemplateIds } from './notifications/channel-senders';

/** Credentials for exchanging a mini-program login code; absent → local identity stand-in. */
export interface WeappCredentials {
  appId: string;
  secret: string;
}

export interface AlipayCredentials {
  appId: string;
  /** PKCS#8 or PKCS#1 PEM (the "应用私钥"), used to sign with RSA2. */
  privateKey: string;
}

export interface GatewayConfig {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string;
  /** Admin endpoints are disabled when no token is configured. */
  adminToken: string | undefined;
  /** Public base URL of the app (window QR codes); undefined → the request's origin. */
  publicBaseUrl: string | undefined;
  /** Working days to rectify a 差评. */
  rectificationDays: number;
  /** Search answers kept for repeated queries; 0 keeps none. */
  searchAnswerCache: number;
  logLevel: string;
  weapp: WeappCredentials | undefined;
  alipay: AlipayCredentials | undefined;
  /** GATEWAY_SMS_CODE_SECRET (HMAC key of SMS codes); undefined → a key file in the data folder. */
  smsCodeSecret: string | undefined;
  /** Seconds. */
  accessTokenTtl: number;
  /** Seconds. */
  refreshTokenTtl: number;
  /** GATEWAY_DEMO_DATA: write the demo residents' history on start (`npm start` sets it on). */
  demoData: boolean;
  /** GATEWAY_BACKUP_DIR and the rest: scheduled backups; undefined (the default) → none. */
  backup: BackupSchedule | undefined;
  /** GATEWAY_SHUTDOWN_GRACE_SECONDS: how long a SIGTERM waits for requests in flight before exiting anyway. */
  shutdownGraceMs: number;
  /** GATEWAY_TRUST_PROXY: behind a proxy that sets X-Forwarded-Proto/-For (HSTS, client IPs). */
  trustProxy: boolean;
  /** GATEWAY_NOTIFY_INTERVAL_MS: how often the outbox worker polls; 0 turns sending off. */
  notifyIntervalMs: number;
  /** WEAPP_TEMPLATE_<TEMPLATE> (e.g. WEAPP_TEMPLATE_CASE_STATUS): subscribe-message template ids. */
  weappTemplates: TemplateIds;
  /** ALIPAY_TEMPLATE_<TEMPLATE>: Alipay template message ids. */
  alipayTemplates: TemplateIds;
}

export const DEFAULT_BACKUP_INTERVAL_MINUTES = 24 * 60;
export const DEFAULT_BACKUP_KEEP = 7;
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

export const DEFAULT_ACCESS_TOKEN_TTL = 900;
export const DEFAULT_REFRESH_TOKEN_TTL = 30 * 24 * 3600;

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function nonNegativeInt(env: Env, name: string, fallback: number): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (0 or more), got "${raw}"`);
  }
  return value;
}

/** on / off (also 1 / 0, true / false); unset → `fallback`. */
function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = nonEmpty(env[name])?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['on', '1', 'true', 'yes'].includes(raw)) return true;
  if (['off', '0', 'false', 'no'].includes(raw)) return false;
  throw new Error(`${name} must be on or off, got "${env[name]}"`);
}

function backupSchedule(env: Env): BackupSchedule | undefined {
  const dir = nonEmpty(env.GATEWAY_BACKUP_DIR);
  if (dir === undefined) return undefined;
  return {
    dir: path.resolve(dir),
    intervalMs: positiveInt(env, 'GATEWAY_BACKUP_INTERVAL_MINUTES', DEFAULT_BACKUP_INTERVAL_MINUTES) * 60_000,
    keep: positiveInt(env, 'GATEWAY_BACKUP_KEEP', DEFAULT_BACKUP_KEEP),
    // GATEWAY_BACKUP_PRIVATE_KEY is the older name, from when the receipt key was the only secret copied.
    withSecretKeys: onOff(env, 'GATEWAY_BACKUP_SECRET_KEYS', onOff(env, 'GATEWAY_BACKUP_PRIVATE_KEY', false)),
  };
}

/** `<prefix>_<TEMPLATE>` for each message template, e.g. WEAPP_TEMPLATE_CASE_STATUS. */
function templateIds(env: Env, prefix: string): TemplateIds {
  const ids: Partial<Record<NotificationTemplate, string>> = {};
  for (const template of NOTIFICATION_TEMPLATES) {
    const id = nonEmpty(env[`${prefix}_${template.toUpperCase()}`]);
    if (id !== undefined) ids[template] = id;
  }
  return ids;
}

/** Reads the gateway configuration from environment variables; throws on malformed values. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const port = nonEmpty(env.GATEWAY_PORT) === undefined ? 8080 : Number(env.GATEWAY_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`GATEWAY_PORT must be a port number, got "${env.GATEWAY_PORT}"`);
  }
  const weappAppId = nonEmpty(env.WEAPP_APPID);
  const weappSecret = nonEmpty(env.WEAPP_SECRET);
  const alipayAppId = nonEmpty(env.ALIPAY_APPID);
  const alipayKey = nonEmpty(env.ALIPAY_PRIVATE_KEY);
  return {
    port,
    host: nonEmpty(env.GATEWAY_HOST) ?? '127.0.0.1',
    dataDir: path.resolve(nonEmpty(env.GATEWAY_DATA_DIR) ?? path.join(REPO_ROOT, '.data')),
    staticDir: path.resolve(nonEmpty(env.GATEWAY_STATIC_DIR) ?? path.join(REPO_ROOT, 'dist', 'h5')),
    adminToken: nonEmpty(env.GATEWAY_ADMIN_TOKEN),
    publicBaseUrl: nonEmpty(env.GATEWAY_PUBLIC_URL),
    rectificationDays: positiveInt(env, 'RECTIFICATION_DAYS', DEFAULT_RECTIFICATION_DAYS),
    searchAnswerCache: nonNegativeInt(env, 'GATEWAY_SEARCH_CACHE', DEFAULT_SEARCH_ANSWER_CACHE),
    logLevel: nonEmpty(env.GATEWAY_LOG_LEVEL) ?? 'info',
    weapp: weappAppId && weappSecret ? { appId: weappAppId, secret: weappSecret } : undefined,
    // Keys pasted into env files often carry literal "\n" sequences instead of line breaks.
    alipay: alipayAppId && alipayKey ? { appId: alipayAppId, privateKey: alipayKey.replace(/\\n/g, '\n') } : undefined,
    smsCodeSecret: nonEmpty(env.GATEWAY_SMS_CODE_SECRET),
    accessTokenTtl: positiveInt(env, 'ACCESS_TOKEN_TTL', DEFAULT_ACCESS_TOKEN_TTL),
    refreshTokenTtl: positiveInt(env, 'REFRESH_TOKEN_TTL', DEFAULT_REFRESH_TOKEN_TTL),
    demoData: onOff(env, 'GATEWAY_DEMO_DATA', false),
    backup: backupSchedule(env),
    shutdownGraceMs: positiveInt(env, 'GATEWAY_SHUTDOWN_GRACE_SECONDS', DEFAULT_SHUTDOWN_GRACE_SECONDS) * 1000,
    trustProxy: onOff(env, 'GATEWAY_TRUST_PROXY', false),
    notifyIntervalMs: nonNegativeInt(env, 'GATEWAY_NOTIFY_INTERVAL_MS', DEFAULT_NOTIFY_INTERVAL_MS),
    weappTemplates: templateIds(env, 'WEAPP_TEMPLATE'),
    alipayTemplates: templateIds(env, 'ALIPAY_TEMPLATE'),
  };
}
