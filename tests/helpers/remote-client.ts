import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router.js';
import type { ApiHandler } from '../../electron/api/handler.js';
import type { ApiClient } from './test-host.js';

/**
 * A typed client over any API handler (a colleague's pinned connection, or a host as seen from one
 * network address), with its own cookie jar.
 */
export function clientOver(handleApi: ApiHandler, base: string, remoteAddress: string | null = null): ApiClient {
  let cookie: string | null = null;
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/api/trpc`,
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
          if (cookie) headers.set('cookie', cookie);
          const response = await handleApi(new Request(url, { ...init, headers } as RequestInit), { secure: true, remoteAddress });
          for (const setCookie of response.headers.getSetCookie()) {
            const [pair = ''] = setCookie.split(';');
            cookie = pair.endsWith('=') ? null : pair;
          }
          return response;
        },
      }),
    ],
  });
}
