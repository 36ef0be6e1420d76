import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../electron/app-info.js';
import { tempDir } from '../helpers/test-host.js';

export interface ServeProcess {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

const SERVE_JS = join(APP_ROOT, 'dist', 'electron', 'serve.js');

/**
 * Runs the real headless host (`npm run serve`'s program) on a free port with a fresh data folder, or
 * on `options.dataDir` (kept when it stops); `--desktop` runs what a desktop copy's window talks to instead.
 */
export async function startServe(extraArgs: string[] = [], options: { dataDir?: string } = {}): Promise<ServeProcess> {
  if (!existsSync(SERVE_JS)) throw new Error(`${SERVE_JS} is missing: run npm run build first (npm test does)`);
  const dataDir = options.dataDir ?? tempDir('crm-e2e-');
  const child: ChildProcess = spawn(process.execPath, [SERVE_JS, '--port', '0', '--data', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
