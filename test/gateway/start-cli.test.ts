import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { REPO_ROOT } from '../../gateway/src/paths';
import { CommitmentKey } from '../../gateway/src/commitments/signing-key';
import { tempDir } from './support/harness';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start` as a person runs it (tsx on start.ts), with `env` added; no H5 build is wanted here. */
function npmStart(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['gateway/src/cli/start.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, GATEWAY_HOST: '127.0.0.1', GATEWAY_DEMO_DATA: 'off', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // A gateway that started after all would run forever: stop it once it says it is running.
    child.stdout.on('data', () => {
      if (stdout.includes('running at')) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One Chinese line, no stack, nothing about a build. */
function expectOneLine(run: Run, ...words: string[]): void {
  expect(run.code).not.toBe(0);
  expect(run.code).not.toBeNull();
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  for (const word of words) expect(lines[0]).toContain(word);
  expect(run.stdout).not.toContain('构建');
}

describe('npm start refuses in one line, before building, what would stop the gateway', () => {
  let holder: net.Server;
  let heldPort: number;
  let dataDir: string;

  beforeAll(async () => {
    holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    heldPort = (holder.address() as AddressInfo).port;
  });

  beforeEach(() => {
    dataDir = tempDir('start');
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
  });

  it('a port already taken: says so and how to choose another (GATEWAY_PORT)', async () => {
    const run = await npmStart({ GATEWAY_PORT: String(heldPort), GATEWAY_DATA_DIR: dataDir });
    expectOneLine(run, `端口 ${heldPort} 已被占用`, 'GATEWAY_PORT=');
  });

  it('a data folder that cannot be written', async () => {
    // A path under a file can never be a folder (a mode would not stop root, who may run this).
    const file = path.join(dataDir, 'a-file');
    fs.writeFileSync(file, '');
    const run = await npmStart({ GATEWAY_PORT: '0', GATEWAY_DATA_DIR: path.join(file, 'data') });
    expectOneLine(run, '数据目录', '无法写入', 'GATEWAY_DATA_DIR');
  });

  it('a signing key that cannot be read, and one that is missing beside its public key', async () => {
    const { dir, privateFile, publicFile } = CommitmentKey.paths(dataDir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(privateFile, 'not a key');
    expectOneLine(await npmStart({ GATEWAY_PORT: '0', GATEWAY_DATA_DIR: dataDir }), '签名密钥', privateFile);

    fs.rmSync(privateFile);
    fs.writeFileSync(publicFile, 'a public key whose private key is gone');
    expectOneLine(await npmStart({ GATEWAY_PORT: '0', GATEWAY_DATA_DIR: dataDir }), '签名密钥', '恢复');
  });
});
