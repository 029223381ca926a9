import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config';
import { openDatabase, DATABASE_FILE } from '../db/open-database';
import { CatalogueImportError, formatIssues, importCatalogue } from '../catalogue/import';
import { applySeed, catalogueIsEmpty } from '../seed/apply-seed';
import { loadSeed, seedAvailable } from '../seed/load-seed';
import { seedMissingNotices } from '../seed/seed-database';
import { DEFAULT_SEED_DIR } from '../paths';

/**
 * `npm run gateway:import -- FILE` — imports a catalogue file (docs/catalogue-format.md) into the
 * gateway database (GATEWAY_DATA_DIR). Safe while the gateway runs: it notices and re-indexes.
 */
function main(argv: string[]): number {
  const file = argv[0];
  if (!file) {
    console.error('usage: npm run gateway:import -- FILE');
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`无法读取 ${file}：${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const { dataDir } = loadConfig();
  const db = openDatabase(dataDir);
  try {
    // A first import into a fresh database also gets the seed (halls, themes, calendar), as a first start would.
    if (catalogueIsEmpty(db) && seedAvailable(DEFAULT_SEED_DIR)) {
      applySeed(db, loadSeed(DEFAULT_SEED_DIR), () => new Date());
      console.log('空数据库：已先写入种子数据 (seeded an empty database first)');
    }
    const result = importCatalogue(db, input);
    console.log(`导入完成 ${path.join(dataDir, DATABASE_FILE)}`);
    console.log(
      `事项 items: 新增 added ${result.added}, 更新 updated ${result.updated}, 未变 unchanged ${result.unchanged}`,
    );
    const d = result.departments;
    console.log(`部门 departments: 新增 added ${d.added}, 更新 updated ${d.updated}, 未变 unchanged ${d.unchanged}`);
    // The 告知书 of the new items' commitment-allowed materials, as the gateway's start would write them.
    const notices = seedMissingNotices(db, DEFAULT_SEED_DIR, () => new Date());
    if (notices > 0) console.log(`告知书 notices: 新增 added ${notices}`);
    if (result.warnings.length > 0) console.log(`提示 warnings:\n${formatIssues(result.warnings)}`);
    return 0;
  } catch (error) {
    if (error instanceof CatalogueImportError) {
      console.error(
        `导入失败，未写入任何数据 (nothing was imported): ${error.issues.length} 处问题\n${formatIssues(error.issues)}`,
      );
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
