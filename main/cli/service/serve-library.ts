// `archive-reader serve`: keeps one library open read-only and answers the command lines of
// `list` and `search` sent to its socket (ask-service.ts), one at a time. A fresh command-line
// process then costs Node's start and a round trip instead of loading the engine's modules
// and opening the library; scripts and launchers call it once per keystroke. Before each
// answer the library's files are checked (library-fingerprint.ts), and the readers reopened
// when another process changed it, so an answer is never older than the library on disk.
import { existsSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { ArchiveError } from '../../core/errors';
import type { CatalogList } from '../catalog-list';
import type { CatalogSearch } from '../catalog-search';
import type { CliIo, TextStream } from '../io';
import { libraryFingerprint } from './library-fingerprint';
import {
  LineReader,
  parseLine,
  serviceRequestSchema,
  type ServiceAnswer,
  type ServiceRequest,
} from './service-protocol';
import { DECLINED, type ServedReaders } from './served-readers';

// A client sends its request as soon as it connects; one that has not after this long is dropped.
const REQUEST_TIMEOUT_MS = 5_000;

/** Runs one command line with the served readers (the command runner, runCli). */
export type ServedRun = (argv: string[], io: CliIo, served: ServedReaders) => Promise<number>;

export interface ServeOptions {
  dir: string;
  socket: string;
  run: ServedRun;
  /** Stops the service (Ctrl-C, SIGTERM). */
  signal: AbortSignal;
  /** Called once the socket accepts command lines. */
  onListening?: () => void;
  /** Called after each answer. */
  onAnswer?: (argv: readonly string[], status: number, ms: number) => void;
}

/** Serves the library until the signal is aborted; rejects when it cannot listen. */
export async function serveLibrary(options: ServeOptions): Promise<void> {
  const { socket, signal } = options;
  const readers = new KeptReaders(options.dir);
  // Opened before listening: a folder that holds no library fails here, as a `list` would,
  // and the first answers find the catalogue and index open.
  readers.refresh();
  await readers.list();
  void readers.search().catch(() => undefined);
  await claimSocket(socket);
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((conn) => {
    // Requests are read as they come and answered one at a time, in that order; a client
    // that connects and sends nothing holds up no one.
    readRequest(conn).then(
      (request) => {
        queue = queue.then(() => answer(conn, request, options, readers)).catch(() => undefined);
      },
      () => conn.destroy(),
    );
  });
  await new Promise<void>((listening, fail) => {
    server.once('error', fail);
    server.listen(socket, () => {
      server.off('error', fail);
      listening();
    });
  });
  options.onListening?.();
  await new Promise<void>((stopped) => {
    if (signal.aborted) stopped();
    else signal.addEventListener('abort', () => stopped(), { once: true });
  });
  await new Promise<void>((closed) => server.close(() => closed()));
  await queue;
  try {
    unlinkSync(socket);
  } catch {
    // Already gone (Node removes the socket as it closes on some systems).
  }
  await readers.close();
}

/** Takes the socket path: LOCKED when another service answers there; a stale one is removed. */
async function claimSocket(socket: string): Promise<void> {
  if (!existsSync(socket)) return;
  const answering = await new Promise<boolean>((done) => {
    const probe = connect(socket);
    probe.once('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.once('error', () => done(false));
  });
  if (answering) {
    throw new ArchiveError(
      'LOCKED',
      'Another archive-reader serve already answers for this library.',
    );
  }
  unlinkSync(socket);
}

async function answer(
  conn: Socket,
  request: ServiceRequest,
  options: ServeOptions,
  readers: KeptReaders,
): Promise<void> {
  if (conn.destroyed) return;
  const started = performance.now();
  const out = capture(request.tty, request.columns);
  const err = capture(false, null);
  let status: number;
  try {
    readers.refresh();
    status = await options.run(
      request.argv,
      { stdout: out, stderr: err, env: request.env, cwd: request.cwd },
      readers,
    );
  } catch {
    // The runner reports its own failures; this is a failure of the service itself.
    conn.destroy();
    return;
  }
  if (status === DECLINED) {
    conn.destroy();
    return;
  }
  const reply: ServiceAnswer = { status, stdout: out.text(), stderr: err.text() };
  // Settles however the client went: gone before the answer, the write just fails.
  await new Promise<void>((sent) => {
    if (conn.destroyed) return sent();
    conn.once('close', () => sent());
    conn.end(`${JSON.stringify(reply)}\n`);
  });
  options.onAnswer?.(request.argv, status, performance.now() - started);
}

/** The request a client sends; rejects when it sends something else or nothing in time. */
function readRequest(conn: Socket): Promise<ServiceRequest> {
  return new Promise((done, fail) => {
    const reader = new LineReader();
    const timer = setTimeout(() => fail(new Error('no request in time')), REQUEST_TIMEOUT_MS);
    const settle = (e: unknown, request?: ServiceRequest): void => {
      clearTimeout(timer);
      if (request) done(request);
      else fail(e);
    };
    conn.on('data', (chunk: Buffer) => {
      try {
        const line = reader.push(chunk);
        if (line !== null) settle(null, parseLine(serviceRequestSchema, line));
      } catch (e) {
        settle(e);
      }
    });
    // Kept for the socket's life: an error after the request (a client gone before its
    // answer) must not be an unhandled one.
    conn.on('error', (e) => settle(e));
    conn.on('end', () => settle(new Error('no request')));
  });
}

/** A stdout or stderr that keeps what is written, as the user's terminal would show it. */
function capture(tty: boolean, columns: number | null): TextStream & { text(): string } {
  const chunks: string[] = [];
  return {
    ...(tty ? { isTTY: true } : {}),
    ...(columns !== null ? { columns } : {}),
    write: (text: string) => chunks.push(text),
    text: () => chunks.join(''),
  };
}

/** The readers kept open, reopened when the library changed on disk. */
class KeptReaders implements ServedReaders {
  private fingerprint = '';
  private listing: Promise<CatalogList> | null = null;
  private searching: Promise<CatalogSearch> | null = null;
  private closing: Promise<void> = Promise.resolve();

  constructor(readonly dir: string) {}

  decline(): number {
    return DECLINED;
  }

  /** Drops the readers when the library changed since they were opened. */
  refresh(): void {
    const now = libraryFingerprint(this.dir);
    if (now === this.fingerprint) return;
    this.fingerprint = now;
    this.drop();
  }

  list(): Promise<CatalogList> {
    this.listing ??= import('../catalog-list').then((m) => m.openCatalogList(this.dir));
    return this.kept(this.listing, () => (this.listing = null));
  }

  search(): Promise<CatalogSearch> {
    this.searching ??= import('../catalog-search').then((m) => m.openCatalogSearch(this.dir));
    return this.kept(this.searching, () => (this.searching = null));
  }

  async close(): Promise<void> {
    this.drop();
    await this.closing;
  }

  /** A failed open is not kept: the next command line tries again (and reports why). */
  private kept<T>(opening: Promise<T>, forget: () => void): Promise<T> {
    opening.catch(forget);
    return opening;
  }

  private drop(): void {
    for (const opening of [this.listing, this.searching]) {
      if (!opening) continue;
      const closed = opening.then((r) => r.close()).catch(() => undefined);
      this.closing = Promise.all([this.closing, closed]).then(() => undefined);
    }
    this.listing = null;
    this.searching = null;
  }
}
