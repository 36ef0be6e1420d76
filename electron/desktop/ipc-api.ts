import type { ApiHandler } from '../api/handler.js';
import { SESSION_COOKIE } from '../api/session-cookie.js';
import { MAX_BODY_BYTES } from '../lan/http-server.js';
import { EVENTS_PATH } from '../api/live-events.js';
import { API_CHANNEL, CHANGE_CHANNEL, FEED_CHANNEL, type BridgeRequest, type BridgeResponse } from './bridge-types.js';
import { readChangeStream } from './change-feed.js';

/** The part of an invoke event the bridge relies on; Electron's IpcMainInvokeEvent fits it. */
export interface InvokeEventLike {
  sender: { id: number; once(event: 'destroyed', listener: () => void): unknown; send(channel: string, ...args: unknown[]): void };
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the bridge uses, so it can be tested without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface ApiBridgeOptions {
  /** Whether a frame URL is the app's own renderer (security.ts isAppUrl). */
  isAppUrl(url: string): boolean;
  /** Origin the bridged requests are given, e.g. app://office-crm. */
  origin: string;
  /** Told the session tokens the app's windows hold whenever they change (the shell shows their users' reminders). */
  onSessionsChange?(tokens: string[]): void;
  /** Wait before reopening a window's change feed that ended while its session lasts (default 2 s). */
  feedRetryMs?: number;
}

/** Headers the bridge owns: identity comes from its cookie jar only, framing from the bridge itself. */
const BRIDGE_OWNED_HEADERS = new Set(['cookie', 'authorization', 'host', 'content-length', 'transfer-encoding']);

class BadBridgeRequest extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function errorResponse(status: number, code: string, message: string): BridgeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ error: { code, message } }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload comes from a renderer, which is never trusted: check every field before use. */
function parseBridgeRequest(payload: unknown): BridgeRequest {
  if (!isRecord(payload)) throw new BadBridgeRequest(400, 'bad_request', 'Expected a request object');
  const { url, method, headers, body } = payload;
  if (typeof url !== 'string' || !url.startsWith('/api/')) {
    throw new BadBridgeRequest(400, 'bad_request', 'Only /api/ paths are served over the bridge');
  }
  if (url.length > MAX_BODY_BYTES) throw new BadBridgeRequest(414, 'uri_too_long', 'Request URL too long');
  if (method !== 'GET' && method !== 'POST') throw new BadBridgeRequest(405, 'method_not_allowed', 'GET or POST only');
  if (body !== null && typeof body !== 'string') throw new BadBridgeRequest(400, 'bad_request', 'Body must be a string or null');
  if (method === 'GET' && body !== null) throw new BadBridgeRequest(400, 'bad_request', 'A GET request has no body');
  if (body !== null && Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    throw new BadBridgeRequest(413, 'payload_too_large', `Request body larger than ${MAX_BODY_BYTES} bytes`);
  }
  if (!isRecord(headers) || !Object.values(headers).every((value) => typeof value === 'string')) {
    throw new BadBridgeRequest(400, 'bad_request', 'Headers must map names to strings');
  }
  return { url, method, headers: headers as Record<string, string>, body };
}

function toRequest(bridged: BridgeRequest, origin: string, sessionToken: string | undefined): Request {
  const url = new URL(bridged.url, origin);
  // Dot segments ("/api/../x", "/api/%2e%2e/x") are resolved by the parser: check where it really points.
  if (`${url.protocol}//${url.host}` !== origin || !url.pathname.startsWith('/api/')) {
    throw new BadBridgeRequest(400, 'bad_request', 'Only /api/ paths are served over the bridge');
  }
  let headers: Headers;
  try {
    headers = new Headers(Object.entries(bridged.headers).filter(([name]) => !BRIDGE_OWNED_HEADERS.has(name.toLowerCase())));
  } catch {
    throw new BadBridgeRequest(400, 'bad_request', 'Invalid header');
  }
  if (sessionToken) headers.set('cookie', `${SESSION_COOKIE}=${sessionToken}`);
  return new Request(url, { method: bridged.method, headers, body: bridged.body });
}

/** What a Set-Cookie for the session asks of the jar: keep a new token, or forget it (logout, expiry). */
export function sessionCookieUpdate(setCookie: string, now: number): { token: string } | 'clear' | null {
  const [pair = '', ...attributes] = setCookie.split(';').map((part) => part.trim());
  const separator = pair.indexOf('=');
  if (separator < 0 || pair.slice(0, separator) !== SESSION_COOKIE) return null;
  const token = pair.slice(separator + 1);
  for (const attribute of attributes) {
    const [name = '', value = ''] = attribute.split(/=(.*)/s);
    if (name.toLowerCase() === 'max-age' && Number(value) <= 0) return 'clear';
    if (name.toLowerCase() === 'expires' && Date.parse(value) <= now) return 'clear';
  }
  return token === '' ? 'clear' : { token };
}

/**
 * Serves the API over IPC on API_CHANNEL. Every call is checked: it must come from a frame showing the
 * app's own renderer, with a well-formed request. The main process is the cookie jar, one session per
 * webContents: Set-Cookie never reaches the renderer, and the session cookie is added to later calls.
 * Returns a function that unregisters the channel.
 */
export function registerApiBridge(
  ipcMain: IpcMainLike,
  host: { handleApi: ApiHandler },
  options: ApiBridgeOptions,
): () => void {
  const sessions = new Map<number, string>();
  const watched = new Set<number>();
  const feeds = new Map<number, () => void>();

  const announce = () => options.onSessionsChange?.([...sessions.values()]);

  /** Forgets a window's session and feed when the window goes away. */
  function watch(sender: InvokeEventLike['sender']): void {
    if (watched.has(sender.id)) return;
    watched.add(sender.id);
    sender.once('destroyed', () => {
      feeds.get(sender.id)?.();
      feeds.delete(sender.id);
      sessions.delete(sender.id);
      watched.delete(sender.id);
      announce();
    });
  }

  function remember(sender: InvokeEventLike['sender'], response: Response): void {
    const setCookies = response.headers.getSetCookie();
    for (const setCookie of setCookies) {
      const update = sessionCookieUpdate(setCookie, Date.now());
      if (update === 'clear') {
        sessions.delete(sender.id);
        feeds.get(sender.id)?.(); // signed out: no more changes for this window
      } else if (update) sessions.set(sender.id, update.token);
    }
    if (setCookies.length > 0) announce();
    if (sessions.has(sender.id)) watch(sender);
  }

  function checkSender(event: InvokeEventLike): void {
    const frameUrl = event.senderFrame?.url;
    if (!frameUrl || !options.isAppUrl(frameUrl)) {
      throw new Error(`API call refused: sender ${frameUrl ?? '(no frame)'} is not the app`);
    }
  }

  // One change feed per window, read from the API's event stream with the window's session and
  // pushed to it; reopened while the session lasts (the host restarted, a colleague's network dropped).
  async function openFeed(sender: InvokeEventLike['sender'], reconnect: boolean): Promise<boolean> {
    const token = sessions.get(sender.id);
    if (!token) return false;
    let stopped = false;
    let cancel = () => {};
    feeds.set(sender.id, () => {
      stopped = true;
      cancel();
    });
    const request = new Request(new URL(EVENTS_PATH, options.origin), { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
    const response = await host.handleApi(request, { secure: true, remoteAddress: null }).catch(() => null);
    if (response?.ok && response.body && !stopped) {
      const stream = readChangeStream(response.body, (change) => sender.send(CHANGE_CHANNEL, change));
      cancel = stream.cancel;
      if (reconnect) sender.send(CHANGE_CHANNEL, null);
      await stream.done;
    }
    if (!stopped && sessions.get(sender.id) === token) {
      setTimeout(() => void (!stopped && openFeed(sender, true)), options.feedRetryMs ?? 2000);
    }
    return response?.ok ?? false;
  }

  ipcMain.handle(FEED_CHANNEL, async (event) => {
    checkSender(event);
    feeds.get(event.sender.id)?.();
    if (!sessions.has(event.sender.id)) return false;
    void openFeed(event.sender, false);
    return true;
  });

  ipcMain.handle(API_CHANNEL, async (event, payload) => {
    checkSender(event);
    let request: Request;
    try {
      request = toRequest(parseBridgeRequest(payload), options.origin, sessions.get(event.sender.id));
    } catch (error) {
      if (error instanceof BadBridgeRequest) return errorResponse(error.status, error.code, error.message);
      throw error;
    }
    let response: Response;
    try {
      response = await host.handleApi(request, { secure: true, remoteAddress: null });
    } catch (error) {
      console.error('API call over IPC failed:', error);
      return errorResponse(500, 'internal', 'Internal error');
    }
    remember(event.sender, response);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    return { status: response.status, headers, body: await response.text() };
  });

  return () => {
    ipcMain.removeHandler(API_CHANNEL);
    ipcMain.removeHandler(FEED_CHANNEL);
    for (const stop of feeds.values()) stop();
    feeds.clear();
    sessions.clear();
  };
}
