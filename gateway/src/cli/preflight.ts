import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { GatewayConfig } from '../config';
import { CommitmentKey } from '../commitments/signing-key';

/** What `npm start` says when the port is taken: the same words before the build and at listen. */
export function portTakenMessage(host: string, port: number): string {
  return `端口 ${port} 已被占用（${host}:${port}），网关无法启动。请关闭占用该端口的程序，或换一个端口：GATEWAY_PORT=${port + 1} npm start`;
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `（${code}）` : '';
}

/** Binds the port for a moment: a taken port is known now, not after the build. */
function checkPort(host: string, port: number): Promise<string | undefined> {
  if (port === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') resolve(portTakenMessage(host, port));
      else
        resolve(
          `无法在 ${host}:${port} 上监听${reason(error)}。请用 GATEWAY_PORT 换一个端口，或用 GATEWAY_HOST 换一个地址。`,
        );
    });
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
}

/** The data folder exists (or can be made) and takes a file. */
function checkDataDir(dataDir: string): string | undefined {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const probe = path.join(dataDir, `.write-check-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return undefined;
  } catch (error) {
    return `数据目录 ${dataDir} 无法写入${reason(error)}。请检查它的权限，或用 GATEWAY_DATA_DIR 指定另一个目录。`;
  }
}

/** The commitment-receipt key loads (made on the first start, as the gateway would make it). */
function checkKey(dataDir: string): string | undefined {
  try {
    CommitmentKey.loadOrCreate(dataDir);
    return undefined;
  } catch (error) {
    const { privateFile } = CommitmentKey.paths(dataDir);
    return `签名密钥 ${privateFile} 缺失、无法读取或与公钥不符${reason(error)}。请从备份恢复 keys 目录，或用 GATEWAY_DATA_DIR 指定另一个数据目录。`;
  }
}

/**
 * What would stop the gateway, found before anything slow (the H5 build) runs: one line in
 * Chinese saying what is wrong and what to change, or undefined when it can start.
 */
export async function preflight(config: Pick<GatewayConfig, 'host' | 'port' | 'dataDir'>): Promise<string | undefined> {
  return (await checkPort(config.host, config.port)) ?? checkDataDir(config.dataDir) ?? checkKey(config.dataDir);
}
