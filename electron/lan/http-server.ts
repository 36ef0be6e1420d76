import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHandler } from '../api/handler.js';
import { readStaticFile } from './static-files.js';

/** Largest API request body: far above any form, far below what could hurt the host. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
} as const;

export interface HttpServerOptions {
  handleApi: ApiHandler;
  /** The built renderer; null serves the API only. */
  rendererDir: string | null;
  host: string;
  port: number;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

function sendJson(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message } }));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function handleApiRequest(options: HttpServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body: Buffer | undefined;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      res.setHeader('connection', 'close');
      sendJson(res, 413, 'payload_too_large', `Request body larger than ${MAX_BODY_BYTES} bytes`);
      req.resume();
      return;
    }
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? body : undefined,
  });
  const response = await options.handleApi(request, { secure: false });
  const outHeaders: Record<string, string | string[]> = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
  res.writeHead(response.status, outHeaders);
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function handleStatic(rendererDir: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, 'method_not_allowed', 'GET only');
  const file = rendererDir ? await readStaticFile(rendererDir, new URL(req.url ?? '/', 'http://x').pathname) : null;
  if (!file) return sendJson(res, 404, 'not_found', 'The app is not built: run npm run build');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': file.contentType,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

/** Serves the API and the built renderer over HTTP (the headless host; LAN mode wraps it in TLS). */
export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const work = path.startsWith('/api/') ? handleApiRequest(options, req, res) : handleStatic(options.rendererDir, req, res);
    work.catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!res.headersSent) sendJson(res, 500, 'internal', 'Internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
      resolve({
        server,
        url: `http://${shownHost}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
