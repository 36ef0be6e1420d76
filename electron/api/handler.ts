import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { resolveSession } from '../services/auth.service.js';
import type { BackupService } from '../services/backup/service.js';
import type { ServiceContext } from '../services/context.js';
import { appRouter } from './router.js';
import { sessionTokenOf } from './session-cookie.js';

export interface ApiInfo {
  version: string;
  schemaVersion: () => number;
}

export interface RequestOptions {
  /** The request came over HTTPS (cookies may be Secure). */
  secure: boolean;
}

export type ApiHandler = (req: Request, options: RequestOptions) => Promise<Response>;

export const TRPC_ENDPOINT = '/api/trpc';

/** The whole API as one fetch-style function: both transports (IPC and HTTP) call this. */
export function createApiHandler(services: ServiceContext, info: ApiInfo, backups: BackupService): ApiHandler {
  return async (req, { secure }) => {
    const { pathname } = new URL(req.url);
    if (pathname === '/api/health' && req.method === 'GET') {
      return Response.json({ status: 'ok', version: info.version, schemaVersion: info.schemaVersion() });
    }
    if (pathname === TRPC_ENDPOINT || pathname.startsWith(`${TRPC_ENDPOINT}/`)) {
      return fetchRequestHandler({
        endpoint: TRPC_ENDPOINT,
        req,
        router: appRouter,
        createContext: async ({ req, resHeaders }) => {
          const token = sessionTokenOf(req.headers);
          const user = token ? await resolveSession(services, token) : null;
          return { services, backups, user, token, resHeaders, secure };
        },
        onError: ({ error, path }) => {
          if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`API error in ${path ?? '?'}:`, error.cause ?? error);
        },
      });
    }
    return Response.json({ error: { code: 'not_found', message: `No API at ${pathname}` } }, { status: 404 });
  };
}
