import { X509Certificate } from 'node:crypto';
import { Agent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import type { ApiHandler } from '../api/handler.js';
import { TRPC_ENDPOINT } from '../api/handler.js';
import type { AppErrorCode } from '../services/errors.js';
import { AppError } from '../services/errors.js';
import { DEFAULT_LAN_PORT } from './lan-sharing.js';
import { pairingCodeOf } from './pairing-code.js';

/** An office host this copy trusts: its address and the certificate the user confirmed by pairing code. */
export interface PinnedHost {
  url: string;
  /** PEM of the host's self-signed certificate, trusted as its own authority and nothing else. */
  certificate: string;
  fingerprint: string;
}

export interface ProbedHost extends PinnedHost {
  pairingCode: string;
  version: string;
}

const TIMEOUT_MS = 5000;
/** What a colleague's copy may forward: the API only, never more than the host accepts. */
const FORWARDED_HEADERS = ['accept', 'content-type', 'cookie', 'authorization', 'trpc-accept', 'x-trpc-source'];

/** "192.168.1.20" or "https://office-pc.local:5443/" → "https://192.168.1.20:5443" */
export function normalizeHostUrl(address: string): string {
  const text = address.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new AppError('validation', 'Not an address', { fieldErrors: { address: 'invalidAddress' } });
  }
  if (url.protocol !== 'https:' || !url.hostname) {
    throw new AppError('validation', 'Not an https address', { fieldErrors: { address: 'invalidAddress' } });
  }
  return `https://${url.hostname}:${url.port || DEFAULT_LAN_PORT}`;
}

const pem = (raw: Buffer) => `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;

/** The certificate a host presents, read without trusting it yet (the user compares its pairing code). */
function fetchCertificate(url: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port),
      rejectUnauthorized: false,
      timeout: TIMEOUT_MS,
    });
    socket.once('secureConnect', () => {
      const certificate: PeerCertificate = socket.getPeerCertificate();
      socket.end();
      if (!certificate.raw) reject(new AppError('host_unreachable', 'The host sent no certificate'));
      else resolve(pem(certificate.raw));
    });
    socket.once('timeout', () => socket.destroy(new Error('timeout')));
    socket.once('error', () => reject(new AppError('host_unreachable', `Cannot reach ${url.host}`)));
  });
}

/**
 * First contact with an office host: its certificate, pairing code and version. Nothing is trusted yet:
 * the caller shows the code, and pins the certificate only after the user says it matches the host's.
 */
export async function probeHost(address: string): Promise<ProbedHost> {
  const url = normalizeHostUrl(address);
  const certificate = await fetchCertificate(new URL(url));
  const fingerprint = new X509Certificate(certificate).fingerprint256;
  const pinned = { url, certificate, fingerprint };
  const health = await remoteApiHandler(pinned)(new Request(`${url}/api/health`), { secure: true, remoteAddress: null });
  const body = (await health.json().catch(() => null)) as { status?: string; version?: string } | null;
  if (!health.ok || body?.status !== 'ok' || typeof body.version !== 'string') {
    throw new AppError('host_not_office_crm', `${url} is not an office CRM host`);
  }
  return { ...pinned, pairingCode: pairingCodeOf(fingerprint), version: body.version };
}

/** A failed forward as the tRPC client reads it: one error per call of a batch. */
function failure(req: Request, code: AppErrorCode, status: number): Response {
  const { pathname, searchParams } = new URL(req.url);
  const envelope = { error: { message: code, code: -32603, data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: status, app: { code } } } };
  const calls = pathname.slice(TRPC_ENDPOINT.length + 1).split(',').length;
  const body = pathname.startsWith(`${TRPC_ENDPOINT}/`) && searchParams.get('batch') === '1' ? Array(calls).fill(envelope) : envelope;
  return Response.json(body, { status });
}

/** TLS errors that mean "this is not the certificate you paired with". */
const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_PINNED_MISMATCH',
]);

/**
 * The API of a pinned office host, as the same fetch-style handler the local host offers: a colleague's
 * copy plugs it in behind its window. Only the pinned certificate is accepted; a host that shows another
 * one (reinstalled, or someone in between) gets `host_certificate_changed`, never a request.
 */
export function remoteApiHandler(pinned: PinnedHost): ApiHandler {
  const agent = new Agent({
    ca: pinned.certificate,
    keepAlive: true,
    // The host is named by address, which its certificate cannot list in advance: the pin is the identity.
    checkServerIdentity: (_name, certificate) =>
      certificate.fingerprint256 === pinned.fingerprint
        ? undefined
        : Object.assign(new Error('The host certificate is not the paired one'), { code: 'CERT_PINNED_MISMATCH' }),
  });
  const base = new URL(pinned.url);
  return async (req) => {
    const { pathname, search } = new URL(req.url);
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const body = req.method === 'GET' || req.method === 'HEAD' ? null : Buffer.from(await req.arrayBuffer());
    try {
      return await new Promise<Response>((resolve, reject) => {
        const outgoing = httpsRequest(
          { protocol: 'https:', hostname: base.hostname.replace(/^\[|\]$/g, ''), port: base.port, path: pathname + search, method: req.method, headers, agent, timeout: 30_000 },
          (res) => {
            const out = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, one);
            }
            const status = res.statusCode ?? 502;
            // Streamed through: the host's change events arrive as they happen.
            const body = status === 204 || status === 304 ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
            resolve(new Response(body, { status, headers: out }));
          },
        );
        outgoing.once('timeout', () => outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
        outgoing.once('error', reject);
        outgoing.end(body ?? undefined);
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      return CERTIFICATE_ERRORS.has(code) ? failure(req, 'host_certificate_changed', 502) : failure(req, 'host_unreachable', 503);
    }
  };
}
