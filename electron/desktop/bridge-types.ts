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

export interface DesktopBridge {
  request(request: BridgeRequest): Promise<BridgeResponse>;
}

export const BRIDGE_GLOBAL = 'officeCrm';
export const API_CHANNEL = 'crm:api';
