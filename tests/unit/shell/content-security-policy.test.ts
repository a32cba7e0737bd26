// The CSP's one definition: the header (app:// and the session), the meta tag the build
// writes, and the built index.html carrying exactly that tag.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  cspMetaTag,
  metaContentSecurityPolicy,
  withCsp,
} from '../../../main/shell/content-security-policy';
import { repoRoot } from '../../support/shared-data';

const directives = (csp: string) => csp.split(';').map((d) => d.trim().split(/\s+/)[0]);

describe('content security policy', () => {
  it('is strict in production', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });

  it('admits the dev server in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("script-src 'self' http://localhost:5173");
    expect(csp).toContain('ws://localhost:5173');
    expect(contentSecurityPolicy('not a url')).toBe(contentSecurityPolicy(null));
  });

  it('gives the meta tag the same policy without what a meta tag cannot carry', () => {
    const header = contentSecurityPolicy();
    const meta = metaContentSecurityPolicy();
    expect(directives(meta)).not.toContain('frame-ancestors');
    expect(header.replace("; frame-ancestors 'none'", '')).toBe(meta);
    expect(cspMetaTag()).toEqual({
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: meta },
      injectTo: 'head-prepend',
    });
  });

  it.skipIf(!existsSync(join(repoRoot, 'out', 'renderer', 'index.html')))(
    'is the one policy in the built index.html, ahead of every script',
    () => {
      const html = readFileSync(join(repoRoot, 'out', 'renderer', 'index.html'), 'utf8');
      const metas = [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
      expect(metas).toHaveLength(1);
      expect(metas[0]![1]!.replaceAll('&#39;', "'")).toBe(metaContentSecurityPolicy());
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    },
  );

  it('replaces a CSP header from the response', () => {
    const h = withCsp(
      { 'content-security-policy': ['x'], 'Content-Type': 'text/html' },
      'default-src none',
    );
    expect(h).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ['default-src none'],
    });
  });
});
