// Chromium driven over a bare DevTools pipe, without playwright, for the renderer memory
// figures. Playwright enables the Network domain on every page it drives, and the page's
// DevTools network agent then keeps the body of every response it sees (up to its buffer
// limit, hundreds of MB); the app's Electron window has no DevTools attached and keeps
// none. Here the page session enables only what a measurement asks for.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CHROMIUM_FLAGS, chromiumPath } from './e2e-browser';

/** A DevTools protocol session: the browser's, or one page's. */
export interface CdpSession {
  send<R = unknown>(method: string, params?: object): Promise<R>;
  /** Calls `listener` for each event `method` of this session; returns the unsubscribe. */
  on(method: string, listener: (params: unknown) => void): () => void;
}

export interface BarePage {
  browser: CdpSession;
  page: CdpSession;
  /** Evaluates an expression in the page (awaiting a promise); returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls `expression` until it is truthy (navigations in between are retried). */
  waitFor(expression: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
}

/** One pipe connection (--remote-debugging-pipe: NUL-terminated JSON, fd 3 in, fd 4 out). */
class PipeConnection {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  private readonly listeners = new Map<string, Set<(params: unknown) => void>>();
  private buffered = '';
  private closed: Error | null = null;

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => {
      const parts = (this.buffered + chunk).split('\0');
      this.buffered = parts.pop()!;
      for (const part of parts) this.dispatch(JSON.parse(part) as Message);
    });
    output.on('close', () => this.fail(new Error('Chromium closed its DevTools pipe')));
  }

  session(sessionId?: string): CdpSession {
    return {
      send: <R>(method: string, params: object = {}) => this.send<R>(method, params, sessionId),
      on: (method, listener) => {
        const key = `${sessionId ?? ''}:${method}`;
        const set = this.listeners.get(key) ?? new Set();
        this.listeners.set(key, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    };
  }

  private send<R>(method: string, params: object, sessionId?: string): Promise<R> {
    if (this.closed) return Promise.reject(this.closed);
    const id = ++this.nextId;
    const message = { id, method, params, ...(sessionId ? { sessionId } : {}) };
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (v) => resolve(v as R),
        reject: (e) => reject(new Error(`${method}: ${e.message}`)),
      });
      this.input.write(`${JSON.stringify(message)}\0`);
    });
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined) {
      const call = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error) call?.reject(new Error(m.error.message));
      else call?.resolve(m.result);
      return;
    }
    for (const listener of this.listeners.get(`${m.sessionId ?? ''}:${m.method}`) ?? []) {
      listener(m.params);
    }
  }

  private fail(error: Error): void {
    this.closed = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once('exit', () => resolve()));

/**
 * Launches headless Chromium (the e2e flags) with nothing but a DevTools pipe and opens `url`
 * in a page of the given size; the page session enables no domain.
 */
export async function openBarePage(
  url: string,
  viewport: { width: number; height: number },
): Promise<BarePage> {
  const profile = await mkdtemp(join(tmpdir(), 'archive-bare-chromium-'));
  const child = spawn(
    chromiumPath,
    [...CHROMIUM_FLAGS, '--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const close = async () => {
    child.kill();
    await exited(child);
    // Chromium's helper processes can still write into the profile for a moment after the
    // browser process has exited (seen as ENOTEMPTY); rm retries those.
    await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  try {
    const connection = new PipeConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const browser = connection.session();
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', {
      url: 'about:blank',
    });
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId,
      flatten: true,
    });
    const page = connection.session(sessionId);
    await page.send('Emulation.setDeviceMetricsOverride', {
      ...viewport,
      deviceScaleFactor: 1,
      mobile: false,
    });
    await page.send('Page.navigate', { url });
    const evaluate = async <T>(expression: string): Promise<T> => {
      const r = await page.send<{
        result: { value?: unknown };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) {
        const d = r.exceptionDetails;
        throw new Error(`in the page: ${d.exception?.description ?? d.text}`);
      }
      return r.result.value as T;
    };
    const waitFor = async (expression: string, timeoutMs = 30_000) => {
      const until = performance.now() + timeoutMs;
      for (;;) {
        // A navigation destroys the context mid-call: that only means "not yet".
        if (await evaluate<boolean>(expression).catch(() => false)) return;
        if (performance.now() > until) throw new Error(`the page never showed ${expression}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    return { browser, page, evaluate, waitFor, close };
  } catch (e) {
    await close();
    throw e;
  }
}
