// Serves the built renderer and the API handler table over HTTP on 127.0.0.1, plus the
// API events as server-sent events. It runs the same dispatch() as the IPC server, so the
// e2e tests exercise the real validation, handlers and engine; only the transport differs.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ApiEvent, ApiEvents } from '../contract/api-contract';
import { errorMessage } from '../contract/error-message';
import { dispatch, type DispatchLog } from './dispatch';
import type { Emit } from './engine-slot';
import type { ApiHandlers } from './handlers';

export interface HttpBridgeOptions {
  handlers: ApiHandlers;
  /** Folder of the built renderer (out/renderer). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only loopback is allowed: the bridge has no authentication. */
  host?: '127.0.0.1';
  /** Largest request body accepted, in bytes (default 256 MiB). */
  maxBodyBytes?: number;
  log?: DispatchLog;
}

export interface HttpBridge {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Sends an event to every connected page. */
  emit: Emit;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

// The page carries its own CSP in a meta tag; frame-ancestors only works as a header.
const BASE_HEADERS = {
  'content-security-policy': "frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
};

/** JSON.parse reviver turning { $bytes: base64 } back into a Uint8Array. */
export function reviveBytes(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const b64 = (value as { $bytes?: unknown }).$bytes;
    if (keys.length === 1 && typeof b64 === 'string') {
      const buf = Buffer.from(b64, 'base64');
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
  }
  return value;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`The request is larger than ${limit} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the bridge; resolves once it listens. */
export async function startHttpBridge(options: HttpBridgeOptions): Promise<HttpBridge> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The HTTP bridge binds to 127.0.0.1 only.');
  const staticRoot = resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  const clients = new Set<ServerResponse>();
  let origin = '';

  // A page on another site (or a DNS-rebinding name) must not drive the library.
  const trusted = (req: IncomingMessage): boolean => {
    const hostHeader = req.headers.host ?? '';
    const port = origin.slice(origin.lastIndexOf(':') + 1);
    if (hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) return false;
    const from = req.headers.origin;
    return from === undefined || from === origin || from === `http://localhost:${port}`;
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') {
      sendJson(res, 405, {
        ok: false,
        error: { code: 'BAD_ARGUMENT', message: 'API calls are POST requests.' },
      });
      return;
    }
    let args: unknown;
    try {
      const text = await readBody(req, maxBody);
      args = text.trim() === '' ? {} : (JSON.parse(text, reviveBytes) as unknown);
    } catch (e) {
      sendJson(res, 400, {
        ok: false,
        error: {
          code: 'BAD_ARGUMENT',
          message: `The request body is not valid JSON: ${errorMessage(e)}`,
        },
      });
      return;
    }
    const response = await dispatch(
      options.handlers,
      method,
      args,
      { transport: 'http' },
      options.log,
    );
    sendJson(res, 200, response);
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, BASE_HEADERS).end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A malformed %-escape is the client's mistake: answered, not logged.
      res.writeHead(400, BASE_HEADERS).end();
      return;
    }
    const relativePath = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(staticRoot, relativePath));
    if (file !== staticRoot && !file.startsWith(staticRoot + sep)) {
      res.writeHead(403, BASE_HEADERS).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': info.size,
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    if (!trusted(req)) {
      sendJson(res, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'Requests must come from the app itself.' },
      });
      return;
    }
    const { pathname } = new URL(req.url ?? '/', origin);
    const api = /^\/api\/([A-Za-z]+)$/.exec(pathname);
    const work =
      pathname === '/api/events'
        ? Promise.resolve(handleEvents(req, res))
        : api
          ? handleApi(req, res, api[1]!)
          : handleStatic(req, res, pathname);
    work.catch((e: unknown) => {
      options.log?.internal?.('http', e);
      if (!res.headersSent) {
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'The bridge failed to answer.' },
        });
      } else res.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;

  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': ping\n\n');
  }, 15_000);
  heartbeat.unref();

  const emit: Emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const c of clients) c.write(frame);
  };

  return {
    url: origin,
    emit,
    async close() {
      clearInterval(heartbeat);
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      });
    },
  };
}
