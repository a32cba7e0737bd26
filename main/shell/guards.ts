// Pure decisions behind the window's security hooks: which page may call the API, where the
// page may navigate, which requests leave the app.
import { APP_HOST, APP_INDEX_URL, APP_SCHEME } from './app-origin';

/** Where the app's own renderer is served from: the app:// scheme, or the dev server. */
export type RendererOrigin = { kind: 'app' } | { kind: 'dev'; url: string };

/** The URL the window loads for a renderer origin. */
export function rendererUrl(origin: RendererOrigin): string {
  return origin.kind === 'app' ? APP_INDEX_URL : origin.url;
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    // Not a URL: the callers refuse what they cannot parse.
    return null;
  }
}

/**
 * True when a frame URL is the app's renderer: exactly app://archive-reader/index.html (any
 * query or hash), or a page of the dev server's origin in development.
 */
export function isTrustedRendererUrl(frameUrl: unknown, origin: RendererOrigin): boolean {
  const u = parse(frameUrl);
  if (!u) return false;
  if (origin.kind === 'app') {
    return (
      u.protocol === `${APP_SCHEME}:` &&
      u.host === APP_HOST &&
      u.pathname === '/index.html' &&
      u.username === '' &&
      u.password === ''
    );
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
