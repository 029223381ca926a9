/**
 * `npm start`: build the H5 app if it is missing, then run the gateway, which serves it and the API
 * on one local URL. Building is skipped when dist/h5 exists (`npm run build:h5` rebuilds it).
 * Demo history is on here (a first look at the app should not be empty): `npm start -- --no-demo-data`
 * or GATEWAY_DEMO_DATA=off starts without it. `npm run gateway` leaves it off unless asked.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startDemoSetting } from './demo-switch';

const root = path.resolve(__dirname, '../../..');
const h5Index = path.join(root, 'dist/h5/index.html');

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
void import('../main');
