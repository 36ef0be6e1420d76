import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandler } from '../api/handler.js';
import { createHost, DATABASE_FILE, type Host, type HostOptions } from '../host.js';
import { discoverHosts } from '../lan/announce.js';
import { pairingCodeOf } from '../lan/pairing-code.js';
import { probeHost, remoteApiHandler, type PinnedHost } from '../lan/remote-host.js';
import { AppError } from '../services/errors.js';
import { forgetOfficeServer, readOfficeServer, writeOfficeServer } from './office-server-file.js';
import { connectInput, parseInput, probeInput, SETUP_PATH, setupError, type CopyMode, type SetupState } from './setup-api.js';

export interface CopyBackendOptions extends HostOptions {
  /** Told when this copy starts its own office database (the shell wires native notifications to it). */
  onLocalHost?: (host: Host) => void;
  /** How long to listen for office hosts on the network. */
  discoverMs?: number;
}

/**
 * What a desktop copy's window talks to: its own office database (the owner's PC), or an office host
 * on the network through a pinned certificate (a colleague's PC). A fresh copy asks which, once, through
 * the setup calls under /api/setup/; the choice is kept in the data folder.
 */
export class CopyBackend {
  #mode: CopyMode = 'choose';
  #host: Host | null = null;
  #server: PinnedHost | null = null;
  #remote: ApiHandler | null = null;

  private constructor(private readonly options: CopyBackendOptions) {}

  static async start(options: CopyBackendOptions): Promise<CopyBackend> {
    const backend = new CopyBackend(options);
    const server = readOfficeServer(options.dataDir);
    if (server) backend.#useServer(server);
    else if (existsSync(join(options.dataDir, DATABASE_FILE))) await backend.#startLocal();
    return backend;
  }

  get host(): Host | null {
    return this.#host;
  }

  /** The same fetch-style API as a host's, plus the setup calls; before the choice, the API is closed. */
  readonly handleApi: ApiHandler = async (req, requestOptions) => {
    const { pathname } = new URL(req.url);
    if (pathname.startsWith(SETUP_PATH)) return this.#setup(req, pathname.slice(SETUP_PATH.length)).catch(setupError);
    if (this.#host) return this.#host.handleApi(req, requestOptions);
    if (this.#remote) return this.#remote(req, requestOptions);
    return Response.json({ error: { code: 'not_set_up', message: 'Choose how this copy works first' } }, { status: 503 });
  };

  async close(): Promise<void> {
    await this.#host?.close();
    this.#host = null;
  }

  #state(): SetupState {
    const server = this.#server;
    return { mode: this.#mode, server: server ? { url: server.url, pairingCode: pairingCodeOf(server.fingerprint) } : null };
  }

  async #setup(req: Request, call: string): Promise<Response> {
    if (call === 'state' && req.method === 'GET') return Response.json(this.#state());
    if (req.method !== 'POST') return Response.json({ error: { code: 'not_found' } }, { status: 404 });
    switch (call) {
      case 'discover':
        return Response.json(await discoverHosts(this.options.discoverMs ?? 2500));
      case 'probe': {
        const { address } = await parseInput(req, probeInput);
        const probed = await probeHost(address);
        return Response.json({ url: probed.url, fingerprint: probed.fingerprint, pairingCode: probed.pairingCode, version: probed.version });
      }
      case 'connect':
        return Response.json(await this.#connect(await parseInput(req, connectInput)));
      case 'create-local':
        this.#refuseOnceChosen();
        await this.#startLocal();
        return Response.json(this.#state());
      case 'disconnect':
        // Only a copy working against a host forgets it (to pair again); a local database is never dropped here.
        if (this.#mode === 'remote') {
          forgetOfficeServer(this.options.dataDir);
          this.#server = null;
          this.#remote = null;
          this.#mode = 'choose';
        }
        return Response.json(this.#state());
      default:
        return Response.json({ error: { code: 'not_found' } }, { status: 404 });
    }
  }

  /** Pins the host only if it still shows the certificate whose code the user confirmed. */
  async #connect(input: { url: string; fingerprint: string }): Promise<SetupState> {
    this.#refuseOnceChosen();
    const probed = await probeHost(input.url);
    if (probed.fingerprint !== input.fingerprint) throw new AppError('host_certificate_changed', 'The host certificate changed during pairing');
    const server = { url: probed.url, certificate: probed.certificate, fingerprint: probed.fingerprint };
    writeOfficeServer(this.options.dataDir, server);
    this.#useServer(server);
    return this.#state();
  }

  #refuseOnceChosen(): void {
    if (this.#mode !== 'choose') throw new AppError('already_set_up', 'This copy already works with an office database');
  }

  #useServer(server: PinnedHost): void {
    this.#server = server;
    this.#remote = remoteApiHandler(server);
    this.#mode = 'remote';
  }

  async #startLocal(): Promise<void> {
    const { onLocalHost: _onLocalHost, discoverMs: _discoverMs, ...hostOptions } = this.options;
    this.#host = await createHost(hostOptions);
    this.#mode = 'local';
    this.options.onLocalHost?.(this.#host);
  }
}
