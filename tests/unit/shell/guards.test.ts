import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import {
  allowNavigation,
  allowPermission,
  blockRequest,
  isTrustedRendererUrl,
  isTrustedSender,
  rendererUrl,
  type RendererOrigin,
} from '../../../main/shell/guards';

const prod: RendererOrigin = { kind: 'app' };
const dev: RendererOrigin = { kind: 'dev', url: 'http://localhost:5173/' };
const appUrl = 'app://archive-reader/index.html';
// Where the page was loaded from before app://: file:// pages are no longer the app.
const oldFileUrl = pathToFileURL(
  '/opt/Archive Reader/resources/app.asar/out/renderer/index.html',
).href;

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
    ['a file:// page', { frameUrl: 'file:///tmp/evil.html', isMainFrame: true, webContentsId: 3 }],
    ['the renderer over file://', { frameUrl: oldFileUrl, isMainFrame: true, webContentsId: 3 }],
    [
      'a sibling page',
      { frameUrl: 'app://archive-reader/other.html', isMainFrame: true, webContentsId: 3 },
    ],
    ['another host', { frameUrl: 'app://evil/index.html', isMainFrame: true, webContentsId: 3 }],
    [
      'credentials in the URL',
      { frameUrl: 'app://u:p@archive-reader/index.html', isMainFrame: true, webContentsId: 3 },
    ],
    [
      'an https page of the same name',
      { frameUrl: 'https://archive-reader/index.html', isMainFrame: true, webContentsId: 3 },
    ],
    ['a web page', { frameUrl: 'https://example.com/', isMainFrame: true, webContentsId: 3 }],
    ['no URL', { frameUrl: undefined, isMainFrame: true, webContentsId: 3 }],
    ['garbage', { frameUrl: 'not a url', isMainFrame: true, webContentsId: 3 }],
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
    expect(rendererUrl(prod)).toBe(appUrl);
    expect(isTrustedRendererUrl(rendererUrl(prod), prod)).toBe(true);
    expect(isTrustedRendererUrl(rendererUrl(dev), dev)).toBe(true);
  });
});

describe('navigation and permissions', () => {
  it('denies navigation away from the app', () => {
    expect(allowNavigation(appUrl, prod)).toBe(true);
    expect(allowNavigation('https://example.com', prod)).toBe(false);
    expect(allowNavigation('file:///etc/passwd', prod)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', prod)).toBe(false);
    expect(allowNavigation(oldFileUrl, prod)).toBe(false);
    expect(allowNavigation('app://archive-reader/assets/x.js', prod)).toBe(false);
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
