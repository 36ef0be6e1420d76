import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router';
import { bridgeFetch } from './bridge-fetch';

const bridge = window.officeCrm;

/** Fetch for the API: over the desktop bridge in the desktop window, over the network in a browser. */
export const apiFetch: typeof fetch = bridge ? bridgeFetch(bridge) : (input, init) => fetch(input, { ...init, credentials: 'same-origin' });

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/api/trpc',
      fetch: apiFetch,
    }),
  ],
});
