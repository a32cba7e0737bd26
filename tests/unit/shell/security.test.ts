// The window's hardening on a stand-in webContents: window.open and navigation to the web are
// denied, and nothing is ever opened outside the app (shell.openExternal is not reachable).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn();
const openPath = vi.fn();
vi.mock('electron', () => ({ shell: { openExternal, openPath } }));

const { hardenWebContents } = await import('../../../main/shell/security');
const { APP_INDEX_URL } = await import('../../../main/shell/app-origin');

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (h: typeof openHandler) => {
      openHandler = h;
    },
  };
  const blocked: string[] = [];
  hardenWebContents(contents as never, { kind: 'app' }, { blocked: (k) => blocked.push(k) });
  const navigate = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { open: (url: string) => openHandler!({ url }), navigate, blocked };
}

describe('window hardening', () => {
  beforeEach(() => {
    openExternal.mockClear();
    openPath.mockClear();
  });

  it('denies window.open to the web without opening anything', () => {
    const c = fakeContents();
    for (const url of [
      'https://example.com/',
      'https://example.com/?q=' + 'x'.repeat(30_000),
      'http://example.com/',
      'mailto:a@example.com',
      'file:///etc/passwd',
      APP_INDEX_URL,
    ]) {
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
    expect(c.blocked).toEqual(Array(6).fill('window'));
    expect(openExternal).not.toHaveBeenCalled();
    expect(openPath).not.toHaveBeenCalled();
  });

  it('keeps the page where it is when it navigates to https', () => {
    const c = fakeContents();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(c.navigate(name, 'https://example.com/'), name).toBe(true);
      expect(c.navigate(name, 'file:///etc/passwd'), name).toBe(true);
      // Reloading the app's own page is fine.
      expect(c.navigate(name, `${APP_INDEX_URL}#top`), name).toBe(false);
    }
    expect(c.navigate('will-attach-webview', APP_INDEX_URL)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });
});
