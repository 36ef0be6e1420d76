import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router';
import { bridgeFetch } from './bridge-fetch';

const bridge = window.officeCrm;

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/api/trpc',
      fetch: bridge ? bridgeFetch(bridge) : (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
    }),
  ],
});
