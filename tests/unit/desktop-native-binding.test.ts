import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BINDING_FILE, electronBindingPath, ensureElectronBinding, type Rebuild } from '../../electron/desktop/native-binding.js';

/** An app folder with a fake better-sqlite3 (including its Node build) in node_modules. */
function fakeAppRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'crm-native-'));
  const module = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(module, 'build', 'Release'), { recursive: true });
  mkdirSync(join(module, 'src'), { recursive: true });
  writeFileSync(join(module, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(join(module, 'binding.gyp'), '{}');
  writeFileSync(join(module, 'src', 'better_sqlite3.cpp'), '// source');
  writeFileSync(join(module, 'build', 'Release', BINDING_FILE), 'node-abi');
  return root;
}

const nodeBuild = (root: string) => readFileSync(join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', BINDING_FILE), 'utf8');

/** Plays @electron/rebuild: compiles the module found under buildPath, recording what it was asked. */
function fakeRebuild(calls: Parameters<Rebuild>[0][], seen: { copiedNodeBuild?: boolean } = {}): Rebuild {
  return async (options) => {
    calls.push(options);
    const module = join(options.buildPath, 'node_modules', 'better-sqlite3');
    seen.copiedNodeBuild = existsSync(join(module, 'build'));
    mkdirSync(join(module, 'build', 'Release'), { recursive: true });
    writeFileSync(join(module, 'build', 'Release', BINDING_FILE), `electron-abi ${options.electronVersion}`);
  };
}

describe('the Electron build of better-sqlite3', () => {
  let root: string;
  beforeEach(() => {
    root = fakeAppRoot();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lives under .cache, keyed by the Electron and better-sqlite3 versions', () => {
    expect(electronBindingPath(root, '45.4.1')).toBe(join(root, '.cache', 'electron-native', '45.4.1-12.11.1', BINDING_FILE));
  });

  it('is built once in a scratch copy, leaving node_modules alone', async () => {
    const calls: Parameters<Rebuild>[0][] = [];
    const seen: { copiedNodeBuild?: boolean } = {};
    const result = await ensureElectronBinding(root, '45.4.1', fakeRebuild(calls, seen));

    expect(result).toEqual({ path: electronBindingPath(root, '45.4.1'), built: true });
    expect(readFileSync(result.path, 'utf8')).toBe('electron-abi 45.4.1');
    expect(nodeBuild(root)).toBe('node-abi');
    expect(calls).toHaveLength(1);
    const [options] = calls;
    expect(options).toMatchObject({ electronVersion: '45.4.1', force: true, onlyModules: ['better-sqlite3'] });
    expect(options!.buildPath.startsWith(join(root, '.cache') + sep)).toBe(true);
    expect(options!.projectRootPath).toBe(options!.buildPath);
    expect(seen.copiedNodeBuild).toBe(false);
    // The scratch project is gone; only the versioned folder with the binary remains.
    expect(readdirSync(join(root, '.cache', 'electron-native'))).toEqual(['45.4.1-12.11.1']);
  });

  it('skips the build when the binary is already there', async () => {
    await ensureElectronBinding(root, '45.4.1', fakeRebuild([]));
    const calls: Parameters<Rebuild>[0][] = [];
    const result = await ensureElectronBinding(root, '45.4.1', fakeRebuild(calls));
    expect(result.built).toBe(false);
    expect(calls).toEqual([]);
  });

  it('builds again for another Electron version', async () => {
    await ensureElectronBinding(root, '45.4.1', fakeRebuild([]));
    const result = await ensureElectronBinding(root, '46.0.0', fakeRebuild([]));
    expect(result.built).toBe(true);
    expect(readFileSync(result.path, 'utf8')).toBe('electron-abi 46.0.0');
  });

  it('leaves no binary behind when the build fails, so the next start tries again', async () => {
    const failing: Rebuild = () => Promise.reject(new Error('headers download failed'));
    await expect(ensureElectronBinding(root, '45.4.1', failing)).rejects.toThrow('headers download failed');
    expect(existsSync(electronBindingPath(root, '45.4.1'))).toBe(false);
    expect(existsSync(join(root, '.cache', 'electron-native', '45.4.1-12.11.1.build'))).toBe(false);
    expect(nodeBuild(root)).toBe('node-abi');
  });
});
