// Applies the pure guards of guards.ts to Electron: sessions (offline filter, CSP header,
// permissions) and every webContents (navigation, new windows, webviews).
import { shell, type Session, type WebContents } from 'electron';
import {
  allowNavigation,
  allowPermission,
  blockRequest,
  contentSecurityPolicy,
  NETWORK_URL_PATTERNS,
  safeExternalUrl,
  withCsp,
  type RendererOrigin,
} from './guards';

export interface SecurityLog {
  blocked(kind: 'request' | 'navigation' | 'window' | 'permission' | 'webview'): void;
}

/** Makes a session offline (bar the dev server), CSP-enforcing and permission-free. */
export function hardenSession(
  session: Session,
  devServerUrl: string | null,
  log?: SecurityLog,
): void {
  session.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (details, callback) => {
    const cancel = blockRequest(details.url, devServerUrl);
    if (cancel) log?.blocked('request');
    callback({ cancel });
  });
  // renderer/index.html carries the CSP as a meta tag, which is what file:// pages get.
  // The header repeats it for every response webRequest sees, so nothing loaded through
  // the network stack can relax it. In development the dev server's hot-reload preamble
  // needs its own origin, which contentSecurityPolicy() adds.
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    const ok = allowPermission(permission);
    if (!ok) log?.blocked('permission');
    callback(ok);
  });
  session.setPermissionCheckHandler((_wc, permission) => allowPermission(permission));
  session.setDevicePermissionHandler(() => false);
}

/** Denies navigation away from the app, new windows and webviews for one webContents. */
export function hardenWebContents(
  contents: WebContents,
  origin: RendererOrigin,
  log?: SecurityLog,
): void {
  const stay = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url, origin)) {
      event.preventDefault();
      log?.blocked('navigation');
    }
  };
  contents.on('will-navigate', (event) => stay(event, event.url));
  contents.on('will-frame-navigate', (event) => stay(event, event.url));
  contents.on('will-redirect', (event) => stay(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log?.blocked('webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log?.blocked('window');
    // A link to the web opens in the user's browser, never inside the app.
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}
