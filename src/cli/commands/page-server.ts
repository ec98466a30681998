/**
 * What `cmrdx read` and `cmrdx adjudicate` share: the page's server from `--host`/`--port`, its address as the
 * first line of stdout, counts (never report text) on stderr, and a quiet stop on Ctrl-C or SIGTERM. Every
 * answer is committed as it is given, so stopping loses nothing.
 */
import { ConfigError } from '../../errors.js';
import type { Lang } from '../../report/report.js';
import { checkBindAddress, type BindAddress } from '../../serve/bind-address.js';
import type { PageSession } from '../../serve/page-session.js';
import { serveSession } from '../../serve/serve-session.js';
import type { Context } from '../program.js';
import { number } from './model-flags.js';

export interface PageFlags {
  host?: string;
  port?: string;
  lang?: string;
}

export function langFlag(value: string | undefined): Lang | undefined {
  if (value === undefined || value === 'de' || value === 'en') return value;
  throw new ConfigError(`--lang ${value}: not a page language`, { code: 'config.lang', hint: 'Write --lang de or --lang en (default: the language of most reports)' });
}

export interface Listen {
  bind: BindAddress;
  port: number;
}

/** `--host` and `--port`, checked before anything is opened or written. */
export function listenFlags(flags: PageFlags): Listen {
  const bind = checkBindAddress(flags.host);
  const port = flags.port === undefined ? 0 : number('--port', flags.port, { integer: true });
  if (port > 65535) throw new ConfigError(`--port ${port}: not a port`, { code: 'config.port', hint: 'Use 1–65535, or leave --port out for a free one' });
  return { bind, port };
}

/** Serves the session until the process is asked to stop; returns the exit code. */
export async function servePage(session: PageSession, { bind, port }: Listen, ctx: Context, opening: string): Promise<number> {
  const refused = new Set<string>();
  let server;
  try {
    server = await serveSession(session, {
      bind,
      port,
      // Once per kind: a page elsewhere that keeps trying must not flood the terminal. The reason is ours, never
      // anything the request carried.
      onRefused: (reason) => {
        if (refused.has(reason)) return;
        refused.add(reason);
        ctx.io.err(`cmrdx: warning: refused a request (${reason})\n`);
      },
      onAnswer: ({ answered, total }) => ctx.io.err(`cmrdx: ${session.person}: ${answered} of ${total} ${session.mode === 'read' ? 'answered' : 'adjudicated'}\n`),
    });
  } catch (error) {
    session.close();
    throw error;
  }
  ctx.io.out(`${server.url}\n`);
  ctx.io.err(`${opening}\n`);
  if (!bind.loopback) ctx.io.err(`cmrdx: warning: listening on ${bind.host}: anyone on that network with the address above can open the page\n`);
  ctx.io.err('cmrdx: open the address above in a browser; Ctrl-C stops the server (every answer is already saved)\n');
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const s of SIGNALS) process.off(s, stop);
      resolve();
    };
    for (const s of SIGNALS) process.on(s, stop);
  });
  await server.close();
  session.close();
  ctx.io.err('cmrdx: stopped\n');
  return 0;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
