/**
 * The one bridge the preload script exposes to the renderer (as window.officeCrm). The renderer's
 * tRPC link sends its HTTP-shaped requests through it, so IPC and HTTP carry the same API.
 * Type-only: the renderer imports these types, never this module's code.
 */
export interface BridgeRequest {
  /** Path and query, e.g. "/api/trpc/customers.list?input=…". */
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface BridgeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A change committed on the host: { entity, id, op } (see electron/events.ts). */
export interface BridgeChange {
  entity: string;
  id: number;
  op: string;
}

export interface DesktopBridge {
  request(request: BridgeRequest): Promise<BridgeResponse>;
  /**
   * Pushes the host's changes to the window while its session lasts; onReconnect after the feed was
   * down (changes may have been missed). Returns the unsubscribe function.
   */
  onChange(listener: (change: BridgeChange) => void, onReconnect: () => void): () => void;
}

export const BRIDGE_GLOBAL = 'officeCrm';
export const API_CHANNEL = 'crm:api';
/** Renderer → main: start (or restart) this window's change feed. */
export const FEED_CHANNEL = 'crm:feed';
/** Main → renderer: one change, or `null` when the feed (re)connected. */
export const CHANGE_CHANNEL = 'crm:change';
