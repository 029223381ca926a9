import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, projectDir, REPO_ROOT, RESULTS_DIR, type Platform, type Project } from './paths';

const TARO = path.join(REPO_ROOT, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');

/**
 * `taro build --type <platform>` in the project's folder (Taro reads config/ and src/ from the
 * current directory), exactly what `npm run build:<platform>` runs for the app. The log goes
 * to results/ so the table is not buried; it is shown when a build fails.
 */
export async function taroBuild(project: Project, platform: Platform): Promise<number> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = path.join(RESULTS_DIR, `build-${project}-${platform}.log`);
  const log = fs.openSync(logFile, 'w');
  const started = Date.now();
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [TARO, 'build', '--type', platform], {
        cwd: projectDir(project),
        env: { ...process.env, FORCE_COLOR: '0' },
        stdio: ['ignore', log, log],
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (code !== 0) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`taro build --type ${platform} failed for the ${project} (exit ${code}):\n${tail}`);
    }
  } finally {
    fs.closeSync(log);
  }
  return Date.now() - started;
}

/** The file a finished build of that platform always writes last-ish: its entry. */
function entryFile(project: Project, platform: Platform): string {
  return path.join(distDir(project, platform), platform === 'h5' ? 'index.html' : 'app.json');
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'dist' && name !== 'node_modules') visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Why an existing build cannot be reused (missing, or older than its sources), or null if it can. */
export function staleReason(project: Project, platform: Platform): string | null {
  const entry = entryFile(project, platform);
  if (!fs.existsSync(entry)) return 'not built';
  const root = projectDir(project);
  const sources =
    project === 'app'
      ? ['src', 'config', 'types', 'babel.config.js', 'package.json', '.env'].map((p) => path.join(root, p))
      : ['src', 'config', 'babel.config.js'].map((p) => path.join(root, p)).concat(path.join(REPO_ROOT, 'config'));
  return newestMtime(sources) > fs.statSync(entry).mtimeMs ? 'older than its sources' : null;
}
