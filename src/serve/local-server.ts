/**
 * The one HTTP server of the reading and adjudication page, on Node's own `node:http` (one page and a small
 * JSON API need no framework, and every line of what it accepts is here to read). It serves the page at `/`
 * and the API under `/api/`, and nothing else. Every request must name this server in its Host header (a page
 * elsewhere that rebinds its DNS name to this address is refused) and come from its own origin. The printed
 * address carries a secret key (as Jupyter's does), so another user of a shared machine cannot open the page;
 * API calls carry the same key in a header, which a form or a page of another site cannot send.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ConfigError } from '../errors.js';
import { hostHeader, type BindAddress } from './bind-address.js';

/** Bodies are an answer: a category, a few numbers and a comment. */
export const MAX_BODY_BYTES = 16 * 1024;

export const TOKEN_HEADER = 'x-cmrdx-token';

/** An expected refusal of a request: its status and a one-line reason (never report text). */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface ApiRequest {
  query: URLSearchParams;
  /** The parsed JSON body of a POST. */
  body: unknown;
}

export type ApiHandler = (request: ApiRequest) => unknown;

export interface LocalServerOptions {
  bind: BindAddress;
  /** 0: an ephemeral port. */
  port: number;
  /** The page, given the nonce its inline style and script must carry and the key its API calls send. */
  page(nonce: string, token: string): string;
  /** `GET /api/<name>` and `POST /api/<name>` handlers, by path (`/api/item`). */
  get: Record<string, ApiHandler>;
  post: Record<string, ApiHandler>;
  /** Told (without any request content) when a request is refused for its Host, Origin or key. */
  onRefused?(reason: string): void;
}

export interface LocalServer {
  /** The address to open, with its key. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Report text must not be left in the browser's disk cache.
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

function sameSecret(given: string | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new HttpError(413, `body over ${MAX_BODY_BYTES} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        reject(new HttpError(413, `body over ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const token = randomBytes(24).toString('base64url');
  const sockets = new Set<Socket>();
  let allowedHosts = new Set<string>();

  const refuse = (res: ServerResponse, status: number, reason: string) => {
    options.onRefused?.(reason);
    sendJson(res, status, { error: reason });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a foreign page reaching this address still names its own host.
    const host = req.headers.host;
    if (!host || !allowedHosts.has(host.toLowerCase())) return refuse(res, 403, 'wrong Host: this server only answers to its own address');
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== `http://${host.toLowerCase()}`) return refuse(res, 403, 'foreign Origin: requests must come from the page of this server');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(res, 403, 'cross-site request refused');

    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendJson(res, 400, { error: 'bad request target' });
    }
    const path = url.pathname;
    if (path === '/') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { allow: 'GET' });
      if (!sameSecret(url.searchParams.get('key') ?? undefined, token)) {
        options.onRefused?.('page opened without its key');
        return send(res, 403, 'text/plain; charset=utf-8', 'cmrdx: open the full address cmrdx printed (it carries a key that changes each time the server starts).\n');
      }
      const nonce = randomBytes(16).toString('base64');
      const csp = [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "connect-src 'self'",
        'img-src data:',
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; ');
      return send(res, 200, 'text/html; charset=utf-8', options.page(nonce, token), { 'content-security-policy': csp });
    }
    const handlers = req.method === 'GET' ? options.get : req.method === 'POST' ? options.post : undefined;
    const handler = handlers && Object.hasOwn(handlers, path) ? handlers[path] : undefined;
    if (!handler) {
      const known = Object.hasOwn(options.get, path) || Object.hasOwn(options.post, path);
      return sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
    }
    const given = req.headers[TOKEN_HEADER];
    if (!sameSecret(Array.isArray(given) ? given[0] : given, token)) return refuse(res, 403, 'missing or wrong key: reload the page from the address cmrdx printed');
    try {
      let body: unknown;
      if (req.method === 'POST') {
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') throw new HttpError(415, 'send JSON (content-type: application/json)');
        const text = await readBody(req);
        try {
          body = JSON.parse(text);
        } catch {
          throw new HttpError(400, 'the body is not JSON');
        }
      }
      sendJson(res, 200, await handler({ query: url.searchParams, body }));
    } catch (error) {
      if (error instanceof HttpError) {
        if (error.status === 413) res.setHeader('connection', 'close');
        return sendJson(res, error.status, { error: error.message });
      }
      throw error;
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug or a storage fault: say so without details the page does not need; the answer was not saved.
      if (!res.headersSent) sendJson(res, 500, { error: `not saved: ${(error as Error).message}` });
      else res.destroy();
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(`--host ${options.bind.host} --port ${options.port}: cannot listen (${error.code ?? error.message})`, {
          code: 'config.listen',
          hint: error.code === 'EADDRINUSE' ? 'The port is taken: leave --port out for a free one, or choose another' : 'Use an address of this machine (ip addr) or leave --host out',
          cause: error,
        }),
      ),
    );
    server.listen(options.port, options.bind.host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const own = hostHeader(options.bind.host, port).toLowerCase();
  allowedHosts = new Set([own, ...(options.bind.loopback ? [`localhost:${port}`] : [])]);
  const origin = `http://${own}`;
  return {
    url: `${origin}/?key=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
