import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildGateway } from '../../../gateway/src/server';
import { distDir, type Project } from './paths';

export interface BenchServer {
  project: Project;
  app: FastifyInstance;
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * The real gateway (same plugins: gzip, static files with SPA fallback) on a free loopback port,
 * serving a project's H5 build. The app's server uses the bench catalogue; the floor's has an
 * empty one (it never calls the API), so the two differ only in the H5 files they serve.
 */
export async function startBenchServer(
  project: Project,
  appDataDir?: string,
  gateway: { searchAnswerCache?: number } = {},
): Promise<BenchServer> {
  const staticDir = distDir(project, 'h5');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error(`${staticDir} is not built`);
  const ownDataDir = appDataDir ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'hs-bench-floor-'));
  const app = await buildGateway({
    dataDir: appDataDir ?? (ownDataDir as string),
    staticDir,
    // Per-request logs would cost the load test CPU and bury the table; the end of each load run
    // closes connections mid-response, which the gateway logs as errors ("premature close").
    // Failed requests are counted by the measurements themselves.
    logLevel: 'fatal',
    seed: false,
    ...gateway,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('gateway did not bind a TCP port');
  return {
    project,
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await app.close();
      if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}
