import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { ServiceWindow } from '../../types/contract';
import { DATABASE_FILE } from '../../gateway/src/db/open-database';
import { expectError, expectOk, startGateway, tempDir } from './support/harness';

const windowCount = (dataDir: string): number => {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM service_windows').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('seeding service windows', () => {
  it('a fresh database gets the seed’s windows with the catalogue', async () => {
    const gw = await startGateway();
    try {
      expect(windowCount(gw.dataDir)).toBe(3);
      expectOk(await gw.request('/api/windows/FX-ZW-C01'), ServiceWindow);
    } finally {
      await gw.close();
    }
  });

  it('a database from before windows gets them once at start, and officers’ changes are kept afterwards', async () => {
    const dataDir = tempDir('windows');
    const first = await startGateway({ dataDir });
    await first.app.close();
    // As a database seeded by a gateway without windows would be.
    let db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    db.exec('DELETE FROM service_windows');
    db.close();
    expect(windowCount(dataDir)).toBe(0);

    const second = await startGateway({ dataDir });
    await second.app.close();
    expect(windowCount(dataDir)).toBe(3);
    expect(second.logs.some((l) => l.includes('seeded service windows'))).toBe(true);

    // A window removed by hand stays removed: windows are seeded only into a database that has none.
    db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    db.prepare("DELETE FROM service_windows WHERE code = 'FX-ZW-C01'").run();
    db.close();
    const third = await startGateway({ dataDir });
    try {
      expect(windowCount(dataDir)).toBe(2);
      expectError(await third.request('/api/windows/FX-ZW-C01'), 404, 'NOT_FOUND');
    } finally {
      await third.close();
    }
  });

  it('windows whose hall or department the catalogue lacks are skipped (and logged), not fatal', async () => {
    const dataDir = tempDir('windows-import');
    const first = await startGateway({ dataDir });
    await first.app.close();
    const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    db.exec('DELETE FROM service_windows');
    db.close();
    // The real seed's windows name halls and departments the fixture catalogue does not have.
    const second = await startGateway({ dataDir, seedDir: path.join(__dirname, '..', '..', 'gateway', 'seed') });
    try {
      expect(windowCount(dataDir)).toBe(0);
      expect(second.logs.some((l) => l.includes('service windows skipped'))).toBe(true);
    } finally {
      await second.close();
    }
  });
});
