// `npm run dist`: electron-builder rebuilds better-sqlite3 for Electron inside node_modules. Put the
// Node build back afterwards, even when packaging fails, so `npm test` and `npm run serve` keep working.
import { spawnSync } from 'node:child_process';

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const packaged = run('npx', ['electron-builder', ...process.argv.slice(2)]);
const restored = run('npm', ['rebuild', 'better-sqlite3']);
process.exit(packaged || restored);
