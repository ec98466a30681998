/**
 * Privacy by construction: report text may only go to inference servers on this machine or the hospital's
 * private network. An endpoint is allowed when every address its host resolves to is loopback, private
 * (10/8, 172.16/12, 192.168/16, fc00::/7) or link-local, or when the user names the host in --allow-host.
 * The check runs before any connection, again inside the connection's own DNS lookup (a name cannot resolve to
 * a public address later), and in the connector itself for address literals, which never pass through a DNS
 * lookup: whatever URL a request names, no socket is opened to an address that was not checked.
 */
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { buildConnector } from 'undici';
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
    const groups = ipv6Groups(ip);
    // IPv4-mapped (::ffff:a.b.c.d, in any spelling) is the IPv4 address itself.
    const v4 = shownAddress(ip);
    if (v4 !== ip) return classifyAddress(v4);
    if (groups.slice(0, 7).every((g) => g === 0) && (groups[7] === 1 || groups[7] === 0)) return 'loopback'; // ::1 and ::
    const first = groups[0]!;
    if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
    if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
    return 'public';
  }
  return 'invalid';
}

/** The eight 16-bit groups of a valid IPv6 address (any spelling: compressed, with an embedded IPv4 part). */
function ipv6Groups(ip: string): number[] {
  // The WHATWG URL parser writes every IPv6 spelling in one canonical hex form: [::ffff:127.0.0.1] -> [::ffff:7f00:1].
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 })));
    });
  });

/** A host as the URL parser writes it (lower case, IPv6 in its canonical form), without brackets. */
function normaliseHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  try {
    return new URL(`http://${isIP(bare) === 6 ? `[${bare}]` : bare}/`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return bare.toLowerCase();
  }
}

function isAllowedHost(host: string, policy: EgressPolicy): boolean {
  const h = normaliseHost(host);
  return policy.allowHosts.some((a) => normaliseHost(a) === h);
}

/** An address for messages: an IPv4-mapped IPv6 address is shown as the IPv4 address it is. */
function shownAddress(address: string): string {
  const ip = address.replace(/^\[|\]$/g, '');
  if (isIP(ip) !== 6) return ip;
  const g = ipv6Groups(ip);
  return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff ? `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}` : ip;
}

function refusal(host: string, url: string, address: string, kind: AddressClass): EgressError {
  return new EgressError(host, `${url}: refused to send reports to ${host} (${shownAddress(address)}, a ${kind === 'invalid' ? 'non-IP' : 'public'} address)`, {
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

/**
 * The connector of every backend connection: an address literal (`http://8.8.8.8/`, `[::ffff:8.8.8.8]`) is
 * checked before the socket is created, a name is resolved through `guardedLookup`, and the connected socket's
 * peer address is checked once more before a byte is sent.
 */
export function guardedConnector(policy: EgressPolicy, base: buildConnector.connector = buildConnector({ lookup: guardedLookup(policy) })): buildConnector.connector {
  return (options, callback) => {
    const host = options.hostname.replace(/^\[|\]$/g, '');
    const allowed = isAllowedHost(host, policy);
    const literal = isIP(host) ? classifyAddress(host) : undefined;
    if (!allowed && (literal === 'public' || literal === 'invalid')) {
      callback(refusal(host, `${options.protocol}//${options.hostname}:${options.port}`, host, literal), null);
      return;
    }
    base(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null);
      const peer = (socket as Socket).remoteAddress;
      const kind = peer ? classifyAddress(peer) : 'invalid';
      if (!allowed && (kind === 'public' || kind === 'invalid')) {
        socket.destroy();
        return callback(refusal(host, `${options.protocol}//${options.hostname}:${options.port}`, peer ?? 'unknown', kind), null);
      }
      callback(null, socket);
    });
  };
}
