import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import {
  allowNavigation,
  allowPermission,
  blockRequest,
  contentSecurityPolicy,
  isTrustedRendererUrl,
  isTrustedSender,
  rendererUrl,
  safeExternalUrl,
  withCsp,
  type RendererOrigin,
} from '../../../main/shell/guards';

const indexHtml = '/opt/Archive Reader/resources/app.asar/out/renderer/index.html';
const prod: RendererOrigin = { kind: 'file', indexHtml };
const dev: RendererOrigin = { kind: 'dev', url: 'http://localhost:5173/' };
const appUrl = pathToFileURL(indexHtml).href;

describe('sender check', () => {
  const ours = new Set([3]);
  it('accepts our top frame showing our page', () => {
    expect(
      isTrustedSender({ frameUrl: appUrl, isMainFrame: true, webContentsId: 3 }, ours, prod),
    ).toBe(true);
    expect(
      isTrustedSender(
        { frameUrl: `${appUrl}#/article/1`, isMainFrame: true, webContentsId: 3 },
        ours,
        prod,
      ),
    ).toBe(true);
  });

  it.each([
    ['another webContents', { frameUrl: appUrl, isMainFrame: true, webContentsId: 4 }],
    ['a subframe', { frameUrl: appUrl, isMainFrame: false, webContentsId: 3 }],
    ['another file', { frameUrl: 'file:///tmp/evil.html', isMainFrame: true, webContentsId: 3 }],
    [
      'a sibling file',
      {
        frameUrl: pathToFileURL(indexHtml.replace('index.html', 'other.html')).href,
        isMainFrame: true,
        webContentsId: 3,
      },
    ],
    ['a web page', { frameUrl: 'https://example.com/', isMainFrame: true, webContentsId: 3 }],
    ['no URL', { frameUrl: undefined, isMainFrame: true, webContentsId: 3 }],
    ['garbage', { frameUrl: 'not a url', isMainFrame: true, webContentsId: 3 }],
    [
      'a UNC host',
      { frameUrl: `file://evil${new URL(appUrl).pathname}`, isMainFrame: true, webContentsId: 3 },
    ],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, ours, prod)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl(appUrl, dev)).toBe(false);
  });

  it('the window loads the URL the check expects', () => {
    expect(isTrustedRendererUrl(rendererUrl(prod), prod)).toBe(true);
    expect(isTrustedRendererUrl(rendererUrl(dev), dev)).toBe(true);
  });
});

describe('navigation, external links, permissions', () => {
  it('denies navigation away from the app', () => {
    expect(allowNavigation(appUrl, prod)).toBe(true);
    expect(allowNavigation('https://example.com', prod)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', prod)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', prod)).toBe(false);
  });

  it('opens only parsed https URLs externally', () => {
    expect(safeExternalUrl('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    for (const bad of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'https://user:pw@example.com/',
      'https:',
      'not a url',
      '',
      42,
      null,
    ]) {
      expect(safeExternalUrl(bad)).toBeNull();
    }
  });

  it('denies every permission', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(allowPermission(p)).toBe(false);
    }
  });
});

describe('offline request filter', () => {
  it('blocks every network request in production', () => {
    for (const u of [
      'https://example.com/x.js',
      'http://localhost:5173/',
      'ws://localhost:1/',
      'wss://example.com/',
      'ftp://example.com/',
      'garbage',
    ]) {
      expect(blockRequest(u, null)).toBe(true);
    }
  });

  it('lets local resources through', () => {
    expect(blockRequest(appUrl, null)).toBe(false);
    expect(blockRequest('data:image/png;base64,AAAA', null)).toBe(false);
    expect(blockRequest('devtools://devtools/bundled/x.html', null)).toBe(false);
  });

  it('allows only the dev server origin (and its socket) in development', () => {
    const d = 'http://localhost:5173/';
    expect(blockRequest('http://localhost:5173/src/main.tsx', d)).toBe(false);
    expect(blockRequest('ws://localhost:5173/', d)).toBe(false);
    expect(blockRequest('http://localhost:5174/', d)).toBe(true);
    expect(blockRequest('https://example.com/', d)).toBe(true);
  });
});

describe('content security policy', () => {
  it('is strict in production', () => {
    const csp = contentSecurityPolicy(null);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/https?:/);
  });

  it('admits the dev server in development', () => {
    const csp = contentSecurityPolicy('http://localhost:5173');
    expect(csp).toContain("script-src 'self' http://localhost:5173");
    expect(csp).toContain('ws://localhost:5173');
  });

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
