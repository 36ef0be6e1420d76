import { hostname, networkInterfaces } from 'node:os';

/** This machine's addresses on the office network (IPv4 first; no loopback, no link-local IPv6). */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80')) continue;
      found.push(entry.address);
    }
  }
  return found.sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
}

/** How browsers write an address in a URL. */
export const urlHost = (address: string) => (address.includes(':') ? `[${address}]` : address);

/**
 * The names a request's Host header may carry for this machine. Anything else is refused, so a web page
 * whose DNS name someone points at this machine (DNS rebinding) cannot talk to the API.
 */
export function allowedHostNames(addresses: string[] = lanAddresses()): Set<string> {
  const name = hostname().toLowerCase();
  return new Set(['localhost', '127.0.0.1', '[::1]', name, `${name}.local`, ...addresses.map((a) => urlHost(a).toLowerCase())]);
}

/** The host name of a Host header without its port: "192.168.1.5:5443" → "192.168.1.5", "[::1]:80" → "[::1]". */
export function hostNameOf(hostHeader: string): string {
  const value = hostHeader.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}
