// Pure decisions behind the window's security hooks: which page may call the API, where the
// page may navigate, which requests leave the app, which URLs open in the browser.
import { pathToFileURL } from 'node:url';

/** Where the app's own renderer is served from. */
export type RendererOrigin = { kind: 'file'; indexHtml: string } | { kind: 'dev'; url: string };

/** The URL the window loads for a renderer origin. */
export function rendererUrl(origin: RendererOrigin): string {
  return origin.kind === 'file' ? pathToFileURL(origin.indexHtml).href : origin.url;
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when a frame URL is the app's renderer: exactly out/renderer/index.html over file://
 * (any query or hash), or a page of the dev server's origin in development.
 */
export function isTrustedRendererUrl(frameUrl: unknown, origin: RendererOrigin): boolean {
  const u = parse(frameUrl);
  if (!u) return false;
  if (origin.kind === 'file') {
    const expected = new URL(rendererUrl(origin));
    return u.protocol === 'file:' && u.host === expected.host && u.pathname === expected.pathname;
  }
  const dev = parse(origin.url);
  return (
    dev !== null && (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === dev.origin
  );
}

export interface SenderInfo {
  /** URL of the frame that sent the message (event.senderFrame?.url). */
  frameUrl: string | null | undefined;
  /** True when the frame is the top frame of its page. */
  isMainFrame: boolean;
  /** webContents id of the sender. */
  webContentsId: number;
}

/** True when an IPC message comes from the top frame of one of our windows showing our page. */
export function isTrustedSender(
  sender: SenderInfo,
  ourWebContents: ReadonlySet<number>,
  origin: RendererOrigin,
): boolean {
  return (
    ourWebContents.has(sender.webContentsId) &&
    sender.isMainFrame &&
    isTrustedRendererUrl(sender.frameUrl, origin)
  );
}

/** will-navigate: the page may only reload itself; everything else stays put. */
export function allowNavigation(targetUrl: string, origin: RendererOrigin): boolean {
  return isTrustedRendererUrl(targetUrl, origin);
}

/** The URL to hand to shell.openExternal, or null: only well-formed https: URLs. */
export function safeExternalUrl(url: unknown): string | null {
  const u = parse(url);
  if (!u || u.protocol !== 'https:' || !u.hostname || u.username || u.password) return null;
  return u.href;
}

const NETWORK = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/**
 * Offline by construction: every network request is cancelled, except (in development) the
 * dev server's own origin, including its hot-reload websocket.
 */
export function blockRequest(url: string, devServerUrl: string | null): boolean {
  const u = parse(url);
  if (!u) return true;
  if (!NETWORK.has(u.protocol)) return false;
  if (!devServerUrl) return true;
  const dev = parse(devServerUrl);
  if (!dev) return true;
  const sameHost = u.hostname === dev.hostname && u.port === dev.port;
  return !sameHost;
}

/** URL patterns for session.webRequest filters: every network scheme. */
export const NETWORK_URL_PATTERNS = [
  'http://*/*',
  'https://*/*',
  'ws://*/*',
  'wss://*/*',
  'ftp://*/*',
];

/** Permission requests (camera, notifications, geolocation, ...): the reader needs none. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/**
 * The CSP the app enforces, the same as renderer/index.html's meta tag. The dev server
 * needs its origin for scripts and the hot-reload socket.
 */
export function contentSecurityPolicy(devServerUrl: string | null): string {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  const extra = dev ? ` ${dev.origin}` : '';
  const ws = dev ? ` ws://${dev.host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${extra}`,
    `style-src 'self'${extra}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Response headers with our CSP added (replacing any the response carried). */
export function withCsp(
  headers: Record<string, string[] | string> | undefined,
  csp: string,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'content-security-policy') continue;
    out[k] = Array.isArray(v) ? v : [v];
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}
