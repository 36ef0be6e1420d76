// The office network switch as the API sees it: types only, so the router's type (which the renderer
// imports) does not pull the Node server code into the browser build's type check.

export interface LanSettings {
  enabled: boolean;
  port: number;
}

export interface LanStatus extends LanSettings {
  running: boolean;
  /** Addresses colleagues type: https://192.168.1.20:5443 */
  urls: string[];
  fingerprint: string | null;
  pairingCode: string | null;
  /** Why sharing is on but not running (e.g. the port is taken by another program). */
  error: 'lan_port_in_use' | 'lan_failed' | null;
}

export interface LanControl {
  status(): Promise<LanStatus>;
  /** Turns sharing on (on this port) or off; remembered only when it worked. */
  configure(settings: LanSettings): Promise<LanStatus>;
}
