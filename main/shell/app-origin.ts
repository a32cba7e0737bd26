// The origin the packaged renderer is served from: a privileged custom scheme, as the
// Electron security checklist recommends, instead of file:// (which, with the
// GrantFileProtocolExtraPrivileges fuse off, refuses the page's own module script and CSS).

/** The scheme of the app's own pages. */
export const APP_SCHEME = 'app';

/** The one host under the scheme; every other host is refused. */
export const APP_HOST = 'archive-reader';

/** `app://archive-reader`, the renderer's origin in packaged and preview builds. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page the window loads. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged: a standard scheme (real origin, relative
 * URLs), secure (like https, so the page is a secure context) and reachable by fetch(). It gets
 * no CORS, service worker or CSP bypass.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;
