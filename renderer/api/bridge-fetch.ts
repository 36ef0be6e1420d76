import type { DesktopBridge } from '../../electron/desktop/bridge-types';

declare global {
  interface Window {
    /** Set by the desktop preload script; absent in a browser. */
    officeCrm?: DesktopBridge;
  }
}

// Only the path and query travel over the bridge; the base just lets URL parse a relative address.
const PARSE_BASE = 'http://bridge.invalid';

/** A fetch that carries the API request over the desktop bridge (IPC) instead of the network. */
export function bridgeFetch(bridge: DesktopBridge): typeof fetch {
  return async (input, init = {}) => {
    const href = input instanceof Request ? input.url : String(input);
    const { pathname, search } = new URL(href, PARSE_BASE);
    const answer = await bridge.request({
      url: pathname + search,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: typeof init.body === 'string' ? init.body : null,
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
}
