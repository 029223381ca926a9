import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { CommitmentKey } from '../../gateway/src/commitments/signing-key';
import { migrations } from '../../gateway/src/db/migrations';
import { READINESS_MESSAGES, readinessChecks } from '../../gateway/src/ops/readiness';
import { Health, Readiness } from '../../gateway/src/routes/health-routes';
import { expectError, expectOk, startGateway, type TestGateway } from './support/harness';

let gw: TestGateway;

beforeEach(async () => {
  gw = await startGateway();
});

afterEach(async () => {
  await gw.close();
});

function probeLogs(url: string): string[] {
  return gw.logs.filter((line) => line.includes(`"url":"${url}"`));
}

describe('GET /healthz', () => {
  it('answers 200 with a tiny body, no login, and nothing at info level', async () => {
    const res = await gw.request('/healthz');
    expect(expectOk(res, Health)).toEqual({ status: 'ok' });
    expect(res.text.length).toBeLessThan(120);
    expect(probeLogs('/healthz')).toEqual([]);
  });

  it('is not rate limited', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, () => gw.request('/healthz')));
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
  });
});

describe('GET /readyz', () => {
  it('answers 200 when the database, the keys and the schema are all in order', async () => {
    const res = await gw.request('/readyz');
    expect(expectOk(res, Readiness)).toEqual({
      status: 'ready',
      checks: { database: true, keys: true, migrations: true },
    });
    expect(probeLogs('/readyz')).toEqual([]);
  });

  it('answers 503 naming the keys when the receipt key is gone', async () => {
    fs.rmSync(CommitmentKey.paths(gw.dataDir).privateFile);
    const res = await gw.request('/readyz');
    const error = expectError(res, 503, 'INTERNAL');
    expect(error.fields).toEqual([{ field: 'keys', message: READINESS_MESSAGES.keys }]);
    expect(error.message).toContain('收据签名密钥');
  });

  it('answers 503 naming the schema when the database is behind this gateway', async () => {
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(migrations.length);
    db.close();
    const error = expectError(await gw.request('/readyz'), 503, 'INTERNAL');
    expect(error.fields).toEqual([
      { field: 'migrations', message: READINESS_MESSAGES.migrationsBehind(migrations.length - 1, migrations.length) },
    ]);
  });

  it('lists every failed check at once', async () => {
    fs.rmSync(CommitmentKey.paths(gw.dataDir).publicFile);
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(migrations.length);
    db.close();
    const error = expectError(await gw.request('/readyz'), 503, 'INTERNAL');
    expect(error.fields?.map((f) => f.field)).toEqual(['keys', 'migrations']);
  });
});

describe('readiness checks', () => {
  it('a database that cannot be reached fails the database check (and the schema one with it)', () => {
    const db = new BetterSqlite3(path.join(gw.dataDir, DATABASE_FILE));
    db.close();
    expect(readinessChecks(db, gw.dataDir)).toEqual([
      { name: 'database', ok: false, problem: READINESS_MESSAGES.database },
      { name: 'keys', ok: true },
      { name: 'migrations', ok: false, problem: READINESS_MESSAGES.migrationsBehind(0, migrations.length) },
    ]);
  });
});
