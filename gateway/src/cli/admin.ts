import { loadConfig } from '../config';
import { openDatabase } from '../db/open-database';
import { DEFAULT_SEED_DIR } from '../paths';
import { seedDatabase } from '../seed/seed-database';
import { USAGE, runAdmin } from './admin-commands';
import { BACKUP_COMMANDS, runBackupCommand } from './backup-commands';
import { UsageError } from './usage-error';

/**
 * `npm run gateway:admin -- <command>`: officer tools (window QR codes, 差评 rectification,
 * appeals, test cases, 告知承诺 verdicts and tamper checks, credit flags, notice revisions, the
 * 网上申报预审 queue and its actions, e-licences, backup and restore) working directly on
 * GATEWAY_DATA_DIR. Safe while the gateway runs (WAL); restore wants the gateway stopped.
 */
async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const [command, ...rest] = argv;
  if (command !== undefined && BACKUP_COMMANDS.has(command)) {
    try {
      return await runBackupCommand(command, rest, config.dataDir, {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      console.error(error.message);
      console.error(USAGE);
      return 2;
    }
  }
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
