import { hostname } from 'node:os';
import { Bonjour } from 'bonjour-service';

/** The DNS-SD service type: colleagues' copies look for `_office-crm._tcp` on the local network. */
export const SERVICE_TYPE = 'office-crm';

export interface Announcement {
  stop(): Promise<void>;
}

export interface FoundHost {
  name: string;
  /** IPv4 first. */
  addresses: string[];
  port: number;
  version: string | null;
}

/** Announces the office host over mDNS / DNS-SD, so colleagues' copies list it without typing an address. */
export function announceHost(port: number, version: string): Announcement {
  const bonjour = new Bonjour();
  bonjour.publish({ name: `Office CRM (${hostname()})`, type: SERVICE_TYPE, port, txt: { v: version }, disableIPv6: false });
  return {
    stop: () => new Promise<void>((done) => bonjour.unpublishAll(() => bonjour.destroy(() => done()))),
  };
}

/** The office hosts answering on the local network within the wait. */
export function discoverHosts(waitMs = 2000): Promise<FoundHost[]> {
  const bonjour = new Bonjour();
  const found = new Map<string, FoundHost>();
  bonjour.find({ type: SERVICE_TYPE }, (service) => {
    const addresses = [...(service.addresses ?? [])]
      .filter((a) => !a.toLowerCase().startsWith('fe80'))
      .sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
    const version = typeof service.txt?.v === 'string' ? service.txt.v : null;
    found.set(service.name, { name: service.name, addresses, port: service.port, version });
  });
  return new Promise((resolve) =>
    setTimeout(() => bonjour.destroy(() => resolve([...found.values()].sort((a, b) => a.name.localeCompare(b.name)))), waitMs),
  );
}
