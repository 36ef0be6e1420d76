import { getSetting, putSetting } from '../../db/settings.repository.js';
import type { ApiHandler } from '../api/handler.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { AppError } from '../services/errors.js';
import { lanAddresses, urlHost } from './addresses.js';
import { announceHost, type Announcement } from './announce.js';
import { loadOrCreateCertificate, type LanCertificate } from './certificate.js';
import { startHttpServer, type RunningServer } from './http-server.js';
import type { LanControl, LanSettings, LanStatus } from './lan-control.js';

export const DEFAULT_LAN_PORT = 5443;
const KEY = 'lan.sharing';


export interface LanSharingOptions {
  services: ServiceContext;
  handleApi: ApiHandler;
  rendererDir: string | null;
  appVersion: string;
  /** Where the server listens: every interface by default; tests use loopback. */
  listenHost?: string;
  /** Announce over mDNS (default true; tests that do not test discovery turn it off). */
  announce?: boolean;
}

/**
 * "Share on the office network": an HTTPS server with the host's own certificate on the LAN
 * interfaces, announced over mDNS. The switch is kept in the database, so sharing resumes at start-up.
 */
export class LanSharing implements LanControl {
  #server: RunningServer | null = null;
  #announcement: Announcement | null = null;
  #certificate: LanCertificate | null = null;
  #error: LanStatus['error'] = null;

  constructor(private readonly options: LanSharingOptions) {}

  async settings(): Promise<LanSettings> {
    return { enabled: false, port: DEFAULT_LAN_PORT, ...(await getSetting<Partial<LanSettings>>(this.options.services.db, KEY)) };
  }

  /** At host start-up: share again if sharing was on. A failure is shown in the status, not thrown. */
  async resume(): Promise<void> {
    const settings = await this.settings();
    if (!settings.enabled) return;
    try {
      await this.#start(settings.port);
    } catch (error) {
      if (!(error instanceof AppError)) console.error('Sharing on the office network failed:', error);
    }
  }

  async status(): Promise<LanStatus> {
    const settings = await this.settings();
    const port = this.#server ? Number(new URL(this.#server.url).port) : settings.port;
    const certificate = this.#certificate;
    return {
      ...settings,
      running: this.#server !== null,
      urls: this.#server ? lanAddresses().map((address) => `https://${urlHost(address)}:${port}`) : [],
      fingerprint: certificate?.fingerprint ?? null,
      pairingCode: certificate?.pairingCode ?? null,
      error: this.#error,
    };
  }

  async configure(settings: LanSettings): Promise<LanStatus> {
    await this.stop();
    if (settings.enabled) await this.#start(settings.port);
    await putSetting(this.options.services.db, KEY, settings, nowIso(this.options.services.clock));
    this.options.services.events.publish({ entity: 'settings', id: 0, op: 'update' });
    return this.status();
  }

  async stop(): Promise<void> {
    const [server, announcement] = [this.#server, this.#announcement];
    this.#server = null;
    this.#announcement = null;
    this.#error = null;
    await announcement?.stop();
    await server?.close();
  }

  async #start(port: number): Promise<void> {
    this.#certificate ??= await loadOrCreateCertificate(this.options.services.dataDir);
    try {
      this.#server = await startHttpServer({
        handleApi: this.options.handleApi,
        rendererDir: this.options.rendererDir,
        host: this.options.listenHost ?? '0.0.0.0',
        port,
        tls: { key: this.#certificate.key, cert: this.#certificate.cert },
      });
    } catch (error) {
      const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || (error as NodeJS.ErrnoException).code === 'EACCES';
      this.#error = inUse ? 'lan_port_in_use' : 'lan_failed';
      throw inUse ? new AppError('lan_port_in_use', `Port ${port} is in use`, { data: { port } }) : error;
    }
    this.#error = null;
    if (this.options.announce ?? true) {
      this.#announcement = announceHost(Number(new URL(this.#server.url).port), this.options.appVersion);
    }
  }
}
