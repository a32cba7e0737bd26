// Quitting holds until the library is closed, also when quit is asked for again meanwhile.
import { describe, expect, it } from 'vitest';
import { QuitSequence, quitsWhenAllWindowsClosed } from '../../../main/shell/quit-sequence';

function setup(closeFails = false) {
  let release!: () => void;
  const closing = new Promise<void>((r) => (release = r));
  const order: string[] = [];
  const q = new QuitSequence({
    close: async () => {
      order.push('close');
      await closing;
      if (closeFails) throw new Error('worker gone');
    },
    quit: () => order.push('quit'),
    log: { info: (e) => order.push(`log:${e}`), error: (e) => order.push(`error:${e}`) },
  });
  const request = () => {
    let prevented = false;
    q.onBeforeQuit({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { q, order, request, release };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('quit sequence', () => {
  it('holds the first quit until the library is closed, then quits for real', async () => {
    const s = setup();
    expect(s.request()).toBe(true);
    // Asked again while closing: still held, and the library is closed once.
    expect(s.request()).toBe(true);
    await settle();
    expect(s.order).toEqual(['close']);
    s.release();
    await settle();
    expect(s.order).toEqual(['close', 'log:quit', 'quit']);
    // The real quit's before-quit goes through.
    expect(s.request()).toBe(false);
  });

  it('quits even when closing fails, and logs why', async () => {
    const s = setup(true);
    s.request();
    s.release();
    await settle();
    expect(s.order).toEqual(['close', 'error:close-failed', 'log:quit', 'quit']);
  });

  it('quits at once when nothing was opened', () => {
    const s = setup();
    s.q.quitNow();
    expect(s.order).toEqual(['quit']);
    expect(s.request()).toBe(false);
  });

  it('keeps running without windows only on macOS', () => {
    expect(quitsWhenAllWindowsClosed('darwin')).toBe(false);
    expect(quitsWhenAllWindowsClosed('linux')).toBe(true);
    expect(quitsWhenAllWindowsClosed('win32')).toBe(true);
  });
});
