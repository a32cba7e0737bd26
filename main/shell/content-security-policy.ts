// The page's Content-Security-Policy, defined once. The app:// handler and the session send it
// as a header (the only way `frame-ancestors` works); the renderer build writes the same
// policy, minus what a meta tag cannot carry, into index.html for pages served elsewhere
// (the HTTP test bridge).

// Only the header can carry these; in a meta tag Chromium ignores them with a warning.
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function devOrigin(devServerUrl: string | null): URL | null {
  if (!devServerUrl) return null;
  try {
    return new URL(devServerUrl);
  } catch {
    // A malformed dev server URL adds no origin to the policy: stricter, never looser.
    return null;
  }
}

function directives(devServerUrl: string | null): [string, string][] {
  const dev = devOrigin(devServerUrl);
  // The dev server's hot-reload preamble needs its origin for scripts and its socket.
  const extra = dev ? ` ${dev.origin}` : '';
  const ws = dev ? ` ws://${dev.host}` : '';
  return [
    ['default-src', "'self'"],
    ['script-src', `'self'${extra}`],
    ['style-src', `'self'${extra}`],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', `'self'${extra}${ws}`],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
}

const join = (list: [string, string][]): string => list.map(([k, v]) => `${k} ${v}`).join('; ');

/** The CSP header for the app's pages; in development it admits the dev server's origin. */
export function contentSecurityPolicy(devServerUrl: string | null = null): string {
  return join(directives(devServerUrl));
}

/** The production policy as a `<meta http-equiv>` can carry it (no frame-ancestors). */
export function metaContentSecurityPolicy(): string {
  return join(directives(null).filter(([k]) => !HEADER_ONLY.has(k)));
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

/** The `<meta http-equiv>` tag the renderer build puts first in index.html's head. */
export function cspMetaTag() {
  return {
    tag: 'meta',
    attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() },
    injectTo: 'head-prepend' as const,
  };
}
