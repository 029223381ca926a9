import fs from 'node:fs';
import path from 'node:path';
import { generateCatalogue } from '../generator/synthetic-catalogue';

/** `npm run gateway:generate -- --count 10000 --out /tmp/catalogue.json [--seed 1]` */
function main(argv: string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error('usage: gateway:generate --count N --out FILE [--seed S]');
    }
    args.set(argv[i].slice(2), argv[i + 1]);
  }
  const count = Number(args.get('count'));
  const out = args.get('out');
  const seed = args.has('seed') ? Number(args.get('seed')) : undefined;
  if (!Number.isInteger(count) || count < 1 || !out)
    throw new Error('usage: gateway:generate --count N --out FILE [--seed S]');
  const catalogue = generateCatalogue({ count, seed });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(catalogue, null, 2)}\n`);
  console.log(`wrote ${count} synthetic items in ${catalogue.departments.length} departments to ${out}`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
