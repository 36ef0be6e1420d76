import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ApiHandler } from '../api/handler.js';
import { allowedHostNames, hostNameOf, urlHost } from './addresses.js';
import { gzippedBody, precompressAssets, readStaticFile } from './static-files.js';

/** Largest API request body: far above any form, far below what could hurt the host. */
export const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};
// Browsers that once reached the host over HTTPS keep to HTTPS (a year; LAN certificates are pinned, not public).
const HSTS = 'max-age=31536000';

export interface HttpServerOptions {
  handleApi: ApiHandler;
  /** The built renderer; null serves the API only. */
  rendererDir: string | null;
  host: string;
  port: number;
  /** Serve HTTPS with this key and certificate (office network mode); plain HTTP otherwise. */
  tls?: { key: string; cert: string };
  /** Host header names accepted (DNS rebinding guard); default: this machine's own names and addresses. */
  allowedHosts?: Set<string>;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

class BodyTooLargeError extends Error {}

function sendJson(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { ...securityHeaders(res), 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: { code, message } }));
}

// The socket is gone once a client hung up mid-request; such an answer is never read anyway.
const securityHeaders = (res: ServerResponse) =>
  (res.req.socket as { encrypted?: boolean } | null)?.encrypted ? { ...SECURITY_HEADERS, 'strict-transport-security': HSTS } : SECURITY_HEADERS;

/**
 * A state-changing request must come from a page of this host: SameSite cookies already stop other sites,
 * this also stops a page served from another port or a rebinding name. Requests without Origin (the
 * desktop bridge, API clients with a bearer token) carry no ambient cookie a page could borrow.
 */
function crossOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || req.method === 'GET' || req.method === 'HEAD') return false;
  try {
    return new URL(origin).host.toLowerCase() !== (req.headers.host ?? '').toLowerCase();
  } catch {
    return true;
  }
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
  if (crossOrigin(req)) return sendJson(res, 403, 'cross_origin', 'Requests from another site are refused');
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
  const secure = Boolean(options.tls);
  const request = new Request(`${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? body : undefined,
  });
  const response = await options.handleApi(request, { secure, remoteAddress: req.socket.remoteAddress ?? null });
  const outHeaders: Record<string, string | string[]> = { ...securityHeaders(res), 'cache-control': 'no-store' };
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) outHeaders['set-cookie'] = cookies;
  res.writeHead(response.status, outHeaders);
  if (!response.body) return void res.end();
  // Streamed, not buffered: the change-event stream never ends while the page is open.
  const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  res.once('close', () => stream.destroy());
  await pipeline(stream, res).catch(() => undefined); // a reader that leaves mid-stream is not an error
}

async function handleStatic(rendererDir: string | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, 'method_not_allowed', 'GET only');
  const file = rendererDir ? await readStaticFile(rendererDir, new URL(req.url ?? '/', 'http://x').pathname) : null;
  if (!file) return sendJson(res, 404, 'not_found', 'The app is not built: run npm run build');
  const gzipped = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? gzippedBody(file) : null;
  const body = gzipped ? await gzipped : file.body;
  res.writeHead(200, {
    ...securityHeaders(res),
    'content-type': file.contentType,
    'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
    ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Serves the API and the built renderer: over HTTP on loopback (the headless host) or over HTTPS on the
 * office network (LAN mode).
 */
export function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const allowedHosts = options.allowedHosts ?? allowedHostNames();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts.has(hostNameOf(req.headers.host ?? ''))) {
      return sendJson(res, 421, 'unknown_host', 'This server does not answer to that host name');
    }
    const path = req.url ?? '/';
    const work = path.startsWith('/api/') ? handleApiRequest(options, req, res) : handleStatic(options.rendererDir, req, res);
    work.catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!res.headersSent) sendJson(res, 500, 'internal', 'Internal error');
      else res.destroy();
    });
  };
  const server: Server = options.tls ? createHttpsServer({ ...options.tls, minVersion: 'TLSv1.2' }, onRequest) : createHttpServer(onRequest);
  server.requestTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      if (options.rendererDir) precompressAssets(options.rendererDir).catch((error: unknown) => console.warn('Could not compress the app:', error));
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        url: `${options.tls ? 'https' : 'http'}://${urlHost(options.host)}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
