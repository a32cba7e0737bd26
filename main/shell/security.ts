// Applies the pure guards of guards.ts to Electron: sessions (offline filter, CSP header,
// permissions) and every webContents (navigation, new windows, webviews). Only Electron's
// types are imported: nothing here can open a URL outside the app.
import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy, withCsp } from './content-security-policy';
import {
  allowNavigation,
  allowPermission,
  blockRequest,
  NETWORK_URL_PATTERNS,
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
  // The app:// handler sends the CSP itself. This header covers whatever else the network
  // stack answers (the dev server in development, whose hot-reload preamble needs its own
  // origin, which contentSecurityPolicy() adds), so nothing loaded can relax the policy.
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

/** The part of a webContents the hardening touches (a fake in tests). */
export type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Denies navigation away from the app, new windows and webviews for one webContents. The
 * page has no external links, so a URL it tries to open goes nowhere: not into a new
 * window, not to the user's browser (a compromised page could otherwise send data out).
 */
export function hardenWebContents(
  contents: HardenedContents,
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
  contents.setWindowOpenHandler(() => {
    log?.blocked('window');
    return { action: 'deny' };
  });
}
