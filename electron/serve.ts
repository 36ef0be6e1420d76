import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDataDir, RENDERER_DIR } from './app-info.js';
import { CopyBackend } from './client/copy-backend.js';
import { createHost } from './host.js';
import { startHttpServer } from './lan/http-server.js';

/**
 * The headless host: the whole app (API and built renderer) over HTTP, no Electron needed.
 *   node dist/electron/serve.js [--port 5180] [--host 127.0.0.1] [--data DIR] [--desktop]
 * --port 0 picks a free port. The first line printed is "Office CRM listening on <url>".
 * --desktop runs what the desktop window talks to instead: a fresh data folder first asks whether to
 * create an office database or connect to an office server (a colleague's copy), in the browser.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      desktop: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  const dataDir = values.data ?? defaultDataDir();
  const host = values.desktop ? await CopyBackend.start({ dataDir }) : await createHost({ dataDir });
  const rendererDir = existsSync(RENDERER_DIR) ? RENDERER_DIR : null;
  const server = await startHttpServer({ handleApi: host.handleApi, rendererDir, host: values.host, port });
  console.log(`Office CRM listening on ${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  if (!rendererDir) console.warn('The renderer is not built (npm run build): serving the API only.');

  const stop = async () => {
    await server.close();
    await host.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
