import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { DEFAULT_SEED_DIR } from '../paths';
import { seedDatabase } from '../seed/seed-database';
import { runAdmin } from './admin-commands';

/**
 * `npm run gateway:admin -- <command>`: officer tools (window QR codes, 差评 rectification,
 * appeals, test cases, 告知承诺 verdicts and tamper checks, credit flags, notice revisions, the
 * 网上申报预审 queue and its actions, e-licences) working directly on GATEWAY_DATA_DIR. Safe while
 * the gateway runs (WAL).
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const db = openDatabase(config.dataDir);
  try {
    const now = () => new Date();
    // A fresh data folder gets the seed first, as the gateway's first start would.
    seedDatabase(db, DEFAULT_SEED_DIR, now, {
      info: (_data, message) => console.error(message),
      warn: (_data, message) => console.error(message),
    });
    return await runAdmin(argv, {
      db,
      now,
      rectificationDays: config.rectificationDays,
      dataDir: config.dataDir,
      defaultBase: config.publicBaseUrl ?? `http://${config.host}:${config.port}`,
      io: { out: (line) => console.log(line), err: (line) => console.error(line) },
    });
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
