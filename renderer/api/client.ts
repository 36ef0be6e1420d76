import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router';
import { bridgeFetch } from './bridge-fetch';

const bridge = window.officeCrm;

/** Fetch for the API: over the desktop bridge in the desktop window, over the network in a browser. */
export const apiFetch: typeof fetch = bridge ? bridgeFetch(bridge) : (input, init) => fetch(input, { ...init, credentials: 'same-origin' });

/**
 * A call made with this context goes out at once on a request of its own. Batched calls wait for a
 * timer, which runs only after React finishes the render in progress (a few hundred ms on the first
 * screen), and a batch answers when its slowest call does.
 */
export const UNBATCHED = { context: { unbatched: true } };

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.context.unbatched === true,
      true: httpLink({ url: '/api/trpc', fetch: apiFetch }),
      false: httpBatchLink({ url: '/api/trpc', fetch: apiFetch }),
    }),
  ],
});
