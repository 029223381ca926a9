import BetterSqlite3, { type Database } from 'better-sqlite3';
import path from 'node:path';
import { CaseSummary, Rating, User, type CaseStatus, type SubmitRatingRequest } from '../../../types/contract';
import type { GatewayOptions } from '../../../gateway/src/server';
import { DATABASE_FILE } from '../../../gateway/src/db/open-database';
import { idCardCheckChar } from '../../../src/lib/id-card';
import { expectOk, smsLogin, startGateway, type ApiResponse, type TestGateway } from './harness';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
const DAY = 24 * 3600;

/** A gateway for rating tests: admin token set, logins that survive weeks of moved clock. */
export function startRatingGateway(options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  return startGateway({
    adminToken: ADMIN_TOKEN,
    accessTokenTtl: 400 * DAY,
    refreshTokenTtl: 400 * DAY,
    ipLimits: { smsPerHour: 1000, authPerMinute: 1000 },
    ...options,
  });
}

export function admin(
  gw: TestGateway,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse> {
  return gw.request(`/api/admin${pathAndQuery}`, {
    method,
    body,
    headers: { 'x-admin-token': ADMIN_TOKEN, ...headers },
  });
}

export interface Person {
  token: string;
  userId: string;
  mobile: string;
}

let idSerial = 0;

/** A valid 身份证号 (each call a different one). */
export function newIdNumber(): string {
  idSerial += 1;
  const first17 = `420111199003${String(10 + (idSerial % 18)).padStart(2, '0')}${String(100 + idSerial).slice(-3)}`;
  return first17 + idCardCheckChar(first17);
}

/** Logs in by SMS; real-name verified unless told otherwise. */
export async function person(gw: TestGateway, mobile: string, verified = true, name = '张三'): Promise<Person> {
  const token = (await smsLogin(gw, mobile)).accessToken;
  const user = verified
    ? expectOk(
        await gw.request('/api/me/real-name', { method: 'POST', token, body: { name, idNumber: newIdNumber() } }),
        User,
      )
    : expectOk(await gw.request('/api/me', { token }), User);
  return { token, userId: user.id, mobile };
}

/** An officer-created case for the person, in the given status (completed now when finished). */
export async function createCase(
  gw: TestGateway,
  who: Person,
  itemCode: string,
  status: CaseStatus = 'completed',
): Promise<CaseSummary> {
  return expectOk(await admin(gw, 'POST', '/cases', { mobile: who.mobile, itemCode, status }), CaseSummary);
}

export const ONLINE_FIVE = { efficiency: 5, guideAccuracy: 5, convenience: 5, usability: 5 };
export const ONSITE_FIVE = { serviceEfficiency: 5, serviceLevel: 5, attitude: 5 };

export function rate(
  gw: TestGateway,
  who: Person,
  body: SubmitRatingRequest | Record<string, unknown>,
): Promise<ApiResponse> {
  return gw.request('/api/ratings', { method: 'POST', token: who.token, body });
}

/** A valid rating of a case at `level` (a 差评 gets a reason and a comment). */
export function caseRating(
  caseId: string,
  level: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const indicators = Object.fromEntries(Object.keys(ONLINE_FIVE).map((k) => [k, level]));
  const bad = level <= 2 ? { reasonCodes: ['too_slow'], comment: '等了很久都没有办好，也没有人说明原因' } : {};
  return { target: { kind: 'case', caseId }, level, indicators, ...bad, ...extra };
}

export function visitRating(
  visitId: string,
  level: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const indicators = Object.fromEntries(Object.keys(ONSITE_FIVE).map((k) => [k, level]));
  const bad = level <= 2 ? { reasonCodes: ['long_queue'], comment: '排队一个多小时，叫号系统故障无人处理' } : {};
  return { target: { kind: 'visit', visitId }, level, indicators, ...bad, ...extra };
}

export async function rateOk(gw: TestGateway, who: Person, body: Record<string, unknown>): Promise<Rating> {
  return expectOk(await rate(gw, who, body), Rating);
}

/** A second connection to the gateway's database, to check what was (not) written. */
export function openDb(gw: TestGateway): Database {
  return new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE), { readonly: true });
}

export function countRows(gw: TestGateway, table: string): number {
  const db = openDb(gw);
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Moves the test clock to an instant (never backwards). */
export function moveClockTo(gw: TestGateway, isoInstant: string): void {
  const delta = (Date.parse(isoInstant) - gw.clock.now().getTime()) / 1000;
  if (delta < 0) throw new Error(`the clock only moves forward (now ${gw.clock.now().toISOString()})`);
  gw.clock.advance(delta);
}
