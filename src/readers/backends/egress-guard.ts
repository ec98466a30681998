/**
 * Privacy by construction: report text may only go to inference servers on this machine or the hospital's
 * private network. An endpoint is allowed when every address its host resolves to is loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7) or link-local, or when the user names the host in --allow-host.
 * The check runs before any connection, and again inside the connection's own DNS lookup, so the address
 * that was checked is the address that is connected to (a name cannot resolve to a public address later).
 */
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { EgressError } from '../../errors.js';

export type AddressClass = 'loopback' | 'private' | 'link-local' | 'public' | 'invalid';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface EgressPolicy {
  /** Hosts (names or addresses) the user allowed with --allow-host, compared case-insensitively. */
  allowHosts: string[];
  /** How names are resolved; tests inject one. Defaults to the system resolver (all addresses). */
  resolve?: Resolver;
}

function ipv4Parts(ip: string): number[] | null {
  const parts = ip.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255) ? parts : null;
}

export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) {
    const [a, b] = ipv4Parts(ip)!;
    if (a === 127 || (a === 0 && ip === '0.0.0.0')) return 'loopback';
    if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'private';
    if (a === 169 && b === 254) return 'link-local';
    return 'public';
  }
  if (version === 6) {
    const lower = ip.toLowerCase();
    const mapped = /^(?:0{0,4}:){0,5}(?::|0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return classifyAddress(mapped[1]!);
    if (lower === '::1' || /^(?:0{1,4}:){7}0{0,3}1$/.test(lower)) return 'loopback';
    if (lower === '::') return 'loopback';
    const first = parseInt(lower.split(':')[0] || '0', 16);
    if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
    return 'public';
  }
  return 'invalid';
}

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

function isAllowedHost(host: string, policy: EgressPolicy): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return policy.allowHosts.some((a) => a.replace(/^\[|\]$/g, '').toLowerCase() === h);
}

function refusal(host: string, url: string, address: string, kind: AddressClass): EgressError {
  return new EgressError(host, `${url}: refused to send reports to ${host} (${address}, a ${kind === 'invalid' ? 'non-IP' : 'public'} address)`, {
    code: 'egress.refused',
    hint: `cmrdx only talks to servers on this machine or a private network; if ${host} is your own server, add --allow-host ${host}`,
  });
}

/** Resolves an endpoint's host and refuses it unless every address is local or private (or the host is allowed). */
export async function checkEndpoint(url: string, policy: EgressPolicy): Promise<ResolvedAddress[]> {
  const { hostname } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isAllowedHost(host, policy)) return [];
  const addresses: ResolvedAddress[] = isIP(host) ? [{ address: host, family: isIP(host) === 6 ? 6 : 4 }] : await resolveOrFail(host, url, policy);
  for (const a of addresses) {
    const kind = classifyAddress(a.address);
    if (kind === 'public' || kind === 'invalid') throw refusal(host, url, a.address, kind);
  }
  return addresses;
}

async function resolveOrFail(host: string, url: string, policy: EgressPolicy): Promise<ResolvedAddress[]> {
  try {
    const addresses = await (policy.resolve ?? systemResolver)(host);
    if (addresses.length === 0) throw new Error('no address');
    return addresses;
  } catch (error) {
    throw new EgressError(host, `${url}: cannot resolve ${host} (${(error as Error).message})`, {
      code: 'egress.unresolved',
      hint: 'Check the host name of the endpoint, or use its address',
    });
  }
}

/**
 * A `lookup` for net.connect that resolves, checks and hands the checked address to the socket. Used by the
 * HTTP agent of every backend, so no connection can reach an address that was not checked.
 */
export function guardedLookup(policy: EgressPolicy): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const allowed = isAllowedHost(hostname, policy);
    (policy.resolve ?? systemResolver)(hostname).then(
      (addresses) => {
        const bad = allowed ? undefined : addresses.find((a) => ['public', 'invalid'].includes(classifyAddress(a.address)));
        if (bad) return callback(refusal(hostname, hostname, bad.address, classifyAddress(bad.address)));
        if (addresses.length === 0) return callback(new Error(`cannot resolve ${hostname}`));
        if (options?.all) return callback(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: Error) => callback(error),
    );
  }) as unknown as LookupFunction;
}
