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
import type { ServedReaders } from './served-readers';

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
  await claimSocket(socket);
  const readers = new KeptReaders(options.dir);
  let queue: Promise<unknown> = Promise.resolve();
  const server = createServer((conn) => {
    queue = queue.then(() => answerConnection(conn, options, readers)).catch(() => undefined);
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

async function answerConnection(
  conn: Socket,
  options: ServeOptions,
  readers: KeptReaders,
): Promise<void> {
  let request: ServiceRequest;
  try {
    request = await readRequest(conn);
  } catch {
    // A client that sent nothing usable gets no answer; it then answers itself.
    conn.destroy();
    return;
  }
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
  const answer: ServiceAnswer = { status, stdout: out.text(), stderr: err.text() };
  await new Promise<void>((sent) => conn.end(`${JSON.stringify(answer)}\n`, () => sent()));
  options.onAnswer?.(request.argv, status, performance.now() - started);
}

function readRequest(conn: Socket): Promise<ServiceRequest> {
  return new Promise((done, fail) => {
    const reader = new LineReader();
    conn.on('data', (chunk: Buffer) => {
      try {
        const line = reader.push(chunk);
        if (line !== null) done(parseLine(serviceRequestSchema, line));
      } catch (e) {
        fail(e);
      }
    });
    conn.on('error', fail);
    conn.on('end', () => fail(new Error('no request')));
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
