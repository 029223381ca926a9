import path from 'node:path';
import { loadConfig } from './config';
import { DATABASE_FILE } from './db/open-database';
import { buildGateway } from './server';
import { closeOnSignals } from './shutdown';
import { portTakenMessage, preflight } from './cli/preflight';

/** A reason not to start that the message says in full. */
class StartProblem extends Error {}

/** `npm run gateway`: the whole demo in one process (API + built H5 app). */
async function main(): Promise<void> {
  const config = loadConfig();
  const problem = await preflight(config);
  if (problem) throw new StartProblem(problem);
  const app = await buildGateway({
    dataDir: config.dataDir,
    staticDir: config.staticDir,
    logLevel: config.logLevel,
    weapp: config.weapp,
    alipay: config.alipay,
    smsCodeSecret: config.smsCodeSecret,
    accessTokenTtl: config.accessTokenTtl,
    refreshTokenTtl: config.refreshTokenTtl,
    adminToken: config.adminToken,
    publicBaseUrl: config.publicBaseUrl,
    rectificationDays: config.rectificationDays,
    searchAnswerCache: config.searchAnswerCache,
    demoData: config.demoData,
    backup: config.backup,
    trustProxy: config.trustProxy,
    notifications: {
      intervalMs: config.notifyIntervalMs,
      weappTemplates: config.weappTemplates,
      alipayTemplates: config.alipayTemplates,
    },
  });
  closeOnSignals(app, { graceMs: config.shutdownGraceMs });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Taken between the check and now.
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      await app.close();
      throw new StartProblem(portTakenMessage(config.host, config.port));
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`洪山掌上办 running at http://${config.host}:${port}/`);
  console.log(`data: ${path.join(config.dataDir, DATABASE_FILE)} · H5 app: ${config.staticDir}`);
}

main().catch((error: unknown) => {
  // A known cause is one line; anything else keeps its stack for whoever debugs it.
  console.error(error instanceof StartProblem ? error.message : error);
  process.exit(1);
});
