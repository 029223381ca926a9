/** `npm run bench -- [--runs N] [--reuse-dist] [--only a,b] [--long-list-cpu]` */
export interface BenchArgs {
  /** Runs per measurement (the issue asks for at least 5). */
  runs: number;
  /** Reuse dist/ and the floor's dist/ when they are newer than their sources. */
  reuseDist: boolean;
  /** Measure only these sections (for working on one); all when empty. */
  only: Set<Section>;
  /** Apply the 4× CPU slowdown to the long list too (slower: about a minute per run). */
  longListCpu: boolean;
}

export const SECTIONS = [
  'packages',
  'first-page',
  'lighthouse',
  'search',
  'keystroke',
  'long-list',
  'load',
  'uploads',
  'scale',
] as const;
export type Section = (typeof SECTIONS)[number];

export const MIN_RUNS = 5;

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { runs: MIN_RUNS, reuseDist: false, only: new Set(), longListCpu: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--runs') args.runs = Number(argv[++i]);
    else if (arg === '--reuse-dist') args.reuseDist = true;
    else if (arg === '--long-list-cpu') args.longListCpu = true;
    else if (arg === '--only') {
      for (const name of (argv[++i] ?? '').split(',')) {
        if (!(SECTIONS as readonly string[]).includes(name))
          throw new Error(`--only: unknown section ${name} (${SECTIONS.join(', ')})`);
        args.only.add(name as Section);
      }
    } else
      throw new Error(
        `unknown argument ${arg}: npm run bench -- [--runs N] [--reuse-dist] [--only ${SECTIONS.join(',')}] [--long-list-cpu]`,
      );
  }
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('--runs takes a positive whole number');
  return args;
}

export function wants(args: BenchArgs, section: Section): boolean {
  return args.only.size === 0 || args.only.has(section);
}
