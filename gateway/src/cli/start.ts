/**
 * `npm start`: build the H5 app if it is missing, then run the gateway, which serves it and the API
 * on one local URL. Building is skipped when dist/h5 exists (`npm run build:h5` rebuilds it).
 * Demo history is on here (a first look at the app should not be empty): `npm start -- --no-demo-data`
 * or GATEWAY_DEMO_DATA=off starts without it. `npm run gateway` leaves it off unless asked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadConfig, type GatewayConfig } from '../config';
import { startDemoSetting } from './demo-switch';
import { preflight } from './preflight';

const root = path.resolve(__dirname, '../../..');
const h5Index = path.join(root, 'dist/h5/index.html');

/** One line and a non-zero exit: a person at a terminal needs the cause, not a stack. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

function readConfig(): GatewayConfig {
  try {
    return loadConfig();
  } catch (error) {
    return stop(`配置有误：${(error as Error).message}`);
  }
}

async function start(): Promise<void> {
  const config = readConfig();
  // Before the build: a taken port or an unusable data folder should not cost half a minute first.
  const problem = await preflight(config);
  if (problem) stop(problem);

  if (!process.env.GATEWAY_STATIC_DIR && !existsSync(h5Index)) {
    console.log('首次启动：正在构建 H5 应用（约半分钟）…');
    const build = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('H5 构建失败，请查看上面的输出。');
      process.exit(build.status ?? 1);
    }
  }

  process.env.GATEWAY_DEMO_DATA = startDemoSetting(process.argv.slice(2), process.env);

  // Loaded only after the build so that the gateway finds the app it serves.
  await import('../main');
}

void start();
