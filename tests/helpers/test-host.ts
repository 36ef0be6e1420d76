import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../electron/api/router.js';
import { createHost, type Host, type HostOptions } from '../../electron/host.js';

export type ApiClient = TRPCClient<AppRouter>;

export const OWNER = { username: 'boss', displayName: '老板', password: 'correct horse 1' } as const;

export function tempDir(prefix = 'crm-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A typed API client that goes through the real fetch handler (the same one both transports use), with
 * its own cookie jar, like one browser.
 */
export function apiClient(host: Host): ApiClient {
  const jar = { cookie: null as string | null };
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: 'http://crm.test/api/trpc',
        fetch: async (url, init) => {
          const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
          if (jar.cookie) headers.set('cookie', jar.cookie);
          const response = await host.handleApi(new Request(url, { ...init, headers } as RequestInit), {
            secure: false,
            remoteAddress: null,
          });
          for (const setCookie of response.headers.getSetCookie()) {
            const [pair = ''] = setCookie.split(';');
            jar.cookie = pair.endsWith('=') ? null : pair;
          }
          return response;
        },
      }),
    ],
  });
  jars.set(client, jar);
  return client;
}

// tRPC clients are proxies (any property is a procedure path), so the jar is kept beside them.
const jars = new WeakMap<ApiClient, { cookie: string | null }>();

/** The session cookie a client currently holds. */
export function cookieOf(client: ApiClient): string | null {
  return jars.get(client)?.cookie ?? null;
}

export interface TestHost {
  host: Host;
  dir: string;
  /** Signed in as the owner. */
  api: ApiClient;
  close(): Promise<void>;
}

/**
 * A real host on a fresh SQLite file in a temp folder, with the owner account created and signed in.
 * The daily backup schedule (and its start-up backup) stays off unless a test asks for it.
 */
export async function startTestHost(options: Omit<HostOptions, 'dataDir'> = {}): Promise<TestHost> {
  const dir = tempDir();
  const host = await createHost({ dataDir: dir, backupSchedule: false, ...options });
  const api = apiClient(host);
  await api.auth.setupOwner.mutate(OWNER);
  return {
    host,
    dir,
    api,
    close: async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The app error of a failed call: code, field errors and data, as the renderer sees them. */
export async function appErrorOf(call: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string>; data?: unknown }> {
  try {
    await call;
  } catch (error) {
    const app = (error as { data?: { app?: unknown } }).data?.app;
    if (app) return app as { code: string; fieldErrors?: Record<string, string>; data?: unknown };
    throw error;
  }
  throw new Error('Expected the call to fail');
}
