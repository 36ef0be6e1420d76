import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * better-sqlite3 for Electron, kept apart from the Node build that `npm install` put in node_modules:
 * tests and the headless host keep loading that one, the unpackaged app loads this one through
 * better-sqlite3's nativeBinding option. Packaged apps are rebuilt by electron-builder instead.
 */
export const BINDING_FILE = 'better_sqlite3.node';

function packageVersion(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function sqliteModuleDir(appRoot: string): string {
  return join(appRoot, 'node_modules', 'better-sqlite3');
}

/** Keyed by both versions: upgrading either one builds afresh instead of loading a stale binary. */
export function electronBindingPath(appRoot: string, electronVersion: string): string {
  const folder = `${electronVersion}-${packageVersion(sqliteModuleDir(appRoot))}`;
  return join(appRoot, '.cache', 'electron-native', folder, BINDING_FILE);
}

/** @electron/rebuild's rebuild(), narrowed to what is used here (tests pass a fake). */
export type Rebuild = (options: {
  buildPath: string;
  projectRootPath: string;
  electronVersion: string;
  force: boolean;
  onlyModules: string[];
}) => Promise<void>;

/**
 * Builds the Electron binding unless it is already there. The build runs on a copy of the module in a
 * scratch project, and projectRootPath stops @electron/rebuild from walking up into the app's own
 * node_modules: the Node build there is never touched.
 */
export async function ensureElectronBinding(
  appRoot: string,
  electronVersion: string,
  rebuild: Rebuild,
): Promise<{ path: string; built: boolean }> {
  const target = electronBindingPath(appRoot, electronVersion);
  if (existsSync(target)) return { path: target, built: false };

  const source = sqliteModuleDir(appRoot);
  const scratch = `${dirname(target)}.build`;
  const copy = join(scratch, 'node_modules', 'better-sqlite3');
  rmSync(scratch, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'electron-native-build', private: true, dependencies: { 'better-sqlite3': packageVersion(source) } }),
  );
  try {
    await rebuild({ buildPath: scratch, projectRootPath: scratch, electronVersion, force: true, onlyModules: ['better-sqlite3'] });
    mkdirSync(dirname(target), { recursive: true });
    // Copied then renamed, so an interrupted run never leaves a half-written binary that would be skipped next time.
    copyFileSync(join(copy, 'build', 'Release', BINDING_FILE), `${target}.partial`);
    renameSync(`${target}.partial`, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { path: target, built: true };
}

/** `node dist/electron/desktop/native-binding.js`, run by `npm start` in plain Node before `electron .`. */
async function main(): Promise<void> {
  const { APP_ROOT } = await import('../app-info.js');
  const electronVersion = packageVersion(join(APP_ROOT, 'node_modules', 'electron'));
  try {
    // Imported here only: it is a dev dependency, absent from packaged apps that import this module.
    const { rebuild } = await import('@electron/rebuild');
    const { path, built } = await ensureElectronBinding(APP_ROOT, electronVersion, rebuild);
    if (built) console.log(`Built better-sqlite3 for Electron ${electronVersion}: ${path}`);
  } catch (error) {
    console.error(
      `Could not build better-sqlite3 for Electron ${electronVersion}.\n` +
        'This needs the Electron headers (downloaded from electronjs.org on first use) and a C++ toolchain for node-gyp.\n' +
        'The Node build in node_modules was left as it is, so tests and `npm run serve` still work.\n',
      error,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
