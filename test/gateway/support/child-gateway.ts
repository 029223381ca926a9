import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../../../gateway/src/paths';

/** `npm run gateway` as a child process, its stdout (log lines) collected for the test to wait on. */
export interface ChildGateway {
  base: string;
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already written or still to come) that matches. */
  waitForLine(match: RegExp): Promise<string>;
  exited: Promise<number | null>;
}

export async function spawnGateway(dataDir: string): Promise<ChildGateway> {
  const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['gateway/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      GATEWAY_DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_STATIC_DIR: path.join(dataDir, 'no-static-dir'),
      GATEWAY_LOG_LEVEL: 'info',
      GATEWAY_DEMO_DATA: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { match: RegExp; resolve: (line: string) => void }[] = [];
  let partial = '';
  const take = (chunk: Buffer) => {
    partial += chunk.toString('utf8');
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((x) => x.match.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitForLine = (match: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => match.test(l));
      if (seen !== undefined) {
        resolve(seen);
        return;
      }
      waiters.push({ match, resolve });
      void exited.then((code) => reject(new Error(`gateway exited (${code}) before ${match}:\n${lines.join('\n')}`)));
    });
  const running = await waitForLine(/running at (http:\/\/\S+?)\/?$/);
  const base = (/running at (http:\/\/\S+?)\/?$/.exec(running) as RegExpExecArray)[1];
  return { base, child, lines, waitForLine, exited };
}
