import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { resolveSession } from '../services/auth.service.js';
import type { ServiceContext } from '../services/context.js';
import type { ApiContext } from './trpc.js';
import { changeEventStream, EVENTS_PATH } from './live-events.js';
import { appRouter } from './router.js';
import { sessionTokenOf } from './session-cookie.js';

export interface ApiInfo {
  version: string;
  schemaVersion: () => number;
}

export interface RequestOptions {
  /** The request came over HTTPS (cookies may be Secure). */
  secure: boolean;
  /** The peer's network address, for sign-in throttling; null over the desktop bridge. */
  remoteAddress: string | null;
}

export type ApiHandler = (req: Request, options: RequestOptions) => Promise<Response>;

export const TRPC_ENDPOINT = '/api/trpc';

/** The host's long-lived parts that some procedures reach beyond the services. */
export type HostParts = Pick<ApiContext, 'backups' | 'lan' | 'throttle' | 'presence'>;

/** The whole API as one fetch-style function: both transports (IPC and HTTP) call this. */
export function createApiHandler(services: ServiceContext, info: ApiInfo, parts: HostParts): ApiHandler {
  return async (req, { secure, remoteAddress }) => {
    const { pathname } = new URL(req.url);
    if (pathname === '/api/health' && req.method === 'GET') {
      return Response.json({ status: 'ok', version: info.version, schemaVersion: info.schemaVersion() });
    }
    if (pathname === EVENTS_PATH && req.method === 'GET') {
      const token = sessionTokenOf(req.headers);
      if (!token || !(await resolveSession(services, token))) {
        return Response.json({ error: { code: 'unauthenticated', message: 'Please sign in' } }, { status: 401 });
      }
      return changeEventStream({ events: services.events, stillSignedIn: async () => (await resolveSession(services, token)) !== null });
    }
    if (pathname === TRPC_ENDPOINT || pathname.startsWith(`${TRPC_ENDPOINT}/`)) {
      return fetchRequestHandler({
        endpoint: TRPC_ENDPOINT,
        req,
        router: appRouter,
        createContext: async ({ req, resHeaders }) => {
          const token = sessionTokenOf(req.headers);
          const user = token ? await resolveSession(services, token) : null;
          return { services, ...parts, user, token, resHeaders, secure, remoteAddress };
        },
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`API error in ${path ?? '?'}:`, error.cause ?? error);
        },
      });
    }
    return Response.json({ error: { code: 'not_found', message: `No API at ${pathname}` } }, { status: 404 });
  };
}
