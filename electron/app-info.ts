import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: found by walking up, since sources and dist/ sit at different depths. */
function findAppRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const APP_ROOT = findAppRoot();

const pkg = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as { version: string; productName: string };

export const APP_VERSION = pkg.version;
export const PRODUCT_NAME = pkg.productName;

/** The built renderer (vite build output). */
export const RENDERER_DIR = join(APP_ROOT, 'dist', 'renderer');

/**
 * Where the headless host keeps data by default: the same folder Electron's app.getPath('userData')
 * uses, so an office server and the desktop app find the same database.
 */
export function defaultDataDir(): string {
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
  }
}
