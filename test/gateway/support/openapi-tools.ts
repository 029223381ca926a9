import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = path.join(__dirname, '..', '..', '..');
const bin = (relative: string): string => path.join(REPO, 'node_modules', relative);

// Redocly would otherwise try to phone home and print update notices.
const QUIET_ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  pointers: string[];
}

/**
 * `redocly lint` with its recommended rules on a file. Run from the file's folder so that no
 * redocly.yaml of the repo (there is none today) changes the rules under the test.
 */
export async function redoclyLint(file: string): Promise<LintProblem[]> {
  const args = [bin('@redocly/cli/bin/cli.js'), 'lint', '--extends=recommended', '--format=json', file];
  // redocly exits non-zero when it finds errors: the JSON on stdout is the answer either way.
  const { stdout } = await run(process.execPath, args, { cwd: path.dirname(file), env: QUIET_ENV }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as {
    problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { pointer: string }[] }[];
  };
  return report.problems.map((p) => ({
    ruleId: p.ruleId,
    severity: p.severity,
    message: p.message,
    pointers: p.location.map((l) => l.pointer),
  }));
}

/** Generates a TypeScript client (types) from the document with openapi-typescript. */
export async function generateClient(file: string, out: string): Promise<void> {
  await run(process.execPath, [bin('openapi-typescript/bin/cli.js'), file, '-o', out], { env: QUIET_ENV });
}

/**
 * Type-checks files strictly with tsc (a child process: loading the compiler into jest would have
 * babel transform all of it first); returns tsc's diagnostics, empty when the files compile.
 */
export async function typeCheck(files: string[]): Promise<string> {
  const args = [
    bin('typescript/bin/tsc'),
    '--strict',
    '--noEmit',
    '--skipLibCheck',
    '--target',
    'es2022',
    '--module',
    'esnext',
    '--moduleResolution',
    'bundler',
    '--pretty',
    'false',
    ...files,
  ];
  const { stdout } = await run(process.execPath, args).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? String(error),
  }));
  return stdout.trim();
}

export function writeJson(file: string, value: unknown): void {
  fs.writeFileSync(file, JSON.stringify(value));
}
