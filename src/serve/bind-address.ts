/**
 * Where the reading page may listen: 127.0.0.1 by default, or another loopback or private-network address
 * (`--host`), classified by the egress guard's own rules. Never a public address, a name, or an "every
 * interface" address (0.0.0.0, ::), which would put report text on networks the user did not choose.
 */
import { isIP } from 'node:net';
import { ConfigError } from '../errors.js';
import { classifyAddress } from '../readers/backends/egress-guard.js';

export const DEFAULT_HOST = '127.0.0.1';

export interface BindAddress {
  host: string;
  loopback: boolean;
}

export function checkBindAddress(value: string | undefined): BindAddress {
  const host = (value ?? DEFAULT_HOST).replace(/^\[|\]$/g, '');
  const refuse = (why: string) => {
    throw new ConfigError(`--host ${value}: ${why}`, {
      code: 'config.host',
      hint: 'Leave --host out (127.0.0.1, this machine only), or give a loopback or private address of this machine such as 10.1.2.3',
    });
  };
  if (isIP(host) === 0) refuse('not an IP address');
  if (/^0+(?:\.0+){3}$/.test(host) || /^[0:]+$/.test(host)) refuse('listens on every network interface');
  const kind = classifyAddress(host);
  if (kind !== 'loopback' && kind !== 'private') refuse(`a ${kind} address`);
  return { host, loopback: kind === 'loopback' };
}

/** `host:port` as a browser writes it in the Host header (IPv6 in brackets). */
export function hostHeader(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
