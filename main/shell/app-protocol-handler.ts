// Serves the built renderer for the app:// scheme: Request in, Response out, no Electron, so
// it is tested in Node and served to Chromium in the e2e tests exactly as Electron serves it.
// Only files inside the renderer folder come out: the path is checked segment by segment
// after decoding, then again as a real path, so neither "..", encoded slashes nor a symlink
// can reach anything else. Every response carries the CSP as a header.
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export interface AppProtocolOptions {
  /** Folder of the built renderer (out/renderer). */
  root: string;
  /** Content-Security-Policy sent with every response. */
  csp: string;
  /** The host requests must name (app://archive-reader); others get 404. */
  host?: string;
}

/** What protocol.handle expects: one Response per Request. */
export type AppProtocolHandler = (request: Request) => Promise<Response>;

/** Content types by extension; anything else is served as opaque bytes (and nosniff). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

const FALLBACK_TYPE = 'application/octet-stream';

/** The content type for a file name. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? FALLBACK_TYPE;
}

// A decoded path segment that could name anything but a plain file or folder name.
const UNSAFE_SEGMENT = /[/\\:\0]|^\.\.?$|^$/;

/**
 * The path segments a URL path names, decoded, or null when any is unsafe: empty (`//`,
 * a trailing slash), `.`/`..` (also encoded), or holding a slash, backslash, colon or NUL once
 * decoded. `/` is index.html.
 */
export function safeSegments(pathname: string): string[] | null {
  if (pathname === '/' || pathname === '') return ['index.html'];
  if (!pathname.startsWith('/')) return null;
  const out: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (UNSAFE_SEGMENT.test(segment)) return null;
    out.push(segment);
  }
  return out;
}

const inside = (child: string, root: string): boolean => {
  const rel = relative(root, child);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/** Creates the app:// handler for one renderer folder. */
export function createAppProtocolHandler(options: AppProtocolOptions): AppProtocolHandler {
  const root = resolve(options.root);
  const host = options.host ?? APP_HOST;
  let realRoot: Promise<string> | null = null;

  const headers = (extra: Record<string, string> = {}): Headers =>
    new Headers({
      'content-security-policy': options.csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
      ...extra,
    });
  const fail = (status: number, text: string, extra: Record<string, string> = {}): Response =>
    new Response(text, {
      status,
      headers: headers({ 'content-type': 'text/plain; charset=utf-8', ...extra }),
    });

  /** The real path of the file a URL names inside the root, or the status to answer with. */
  async function locate(url: URL): Promise<string | number> {
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== host) return 404;
    const segments = safeSegments(url.pathname);
    if (segments === null) return 403;
    const file = join(root, ...segments);
    if (!inside(file, root)) return 403;
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      return 404;
    }
    // A symlink inside the build must not lead out of it.
    realRoot ??= realpath(root);
    const base = await realRoot.catch(() => null);
    if (base === null || !inside(real, base)) return 403;
    const info = await stat(real).catch(() => null);
    return info?.isFile() ? real : 404;
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return fail(405, 'Only GET and HEAD are served.', { allow: 'GET, HEAD' });
    }
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return fail(400, 'Bad URL.');
    }
    const found = await locate(url);
    if (typeof found === 'number') {
      return fail(found, found === 403 ? 'Forbidden.' : 'Not found.');
    }
    let body: Buffer;
    try {
      body = await readFile(found);
    } catch {
      return fail(404, 'Not found.');
    }
    const responseHeaders = headers({
      'content-type': contentTypeFor(found),
      'content-length': String(body.byteLength),
    });
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: responseHeaders,
    });
  };
}
