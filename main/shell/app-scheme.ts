// Registers the app:// scheme with Electron and serves the built renderer through it.
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createAppProtocolHandler } from './app-protocol-handler';
import { contentSecurityPolicy } from './content-security-policy';

/** Declares app:// privileged (standard, secure, fetch); must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

/** Serves `rendererDir` (out/renderer) at app://archive-reader/, with the CSP as a header. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: rendererDir, csp: contentSecurityPolicy() }),
  );
}
