// The command line's side of `archive-reader serve`: when a service answers for the library,
// `list` and `search` hand it their command line and print its answer, instead of loading the
// engine's modules and opening the library in a fresh process (docs/cli.md, "serve"). Anything
// that goes wrong (no service, a stale socket, a service that stopped or does not answer in
// time) means the command answers itself, as it would without one.
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import type { CliIo } from '../io';
import { serviceFolder, serviceSocket } from './service-socket';
import type { ServiceAnswer, ServiceRequest } from './service-protocol';

/** ARCHIVE_READER_SERVICE=0 in the environment: every command answers itself. */
export const SERVICE_ENV = 'ARCHIVE_READER_SERVICE';
// A service reopens the library when it changed (a second or two at 100,000 articles); one
// that takes longer than this is taken to be stuck.
const ANSWER_TIMEOUT_MS = 10_000;

/** The service's answer to `argv`, or null when the command should answer itself. */
export async function askService(
  libraryDir: string,
  argv: readonly string[],
  io: CliIo,
): Promise<ServiceAnswer | null> {
  if (io.env[SERVICE_ENV] === '0') return null;
  const folder = serviceFolder(false);
  if (!folder) return null;
  const socket = serviceSocket(folder, libraryDir);
  if (!existsSync(socket)) return null;
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(io.env)) if (v !== undefined) env[k] = v;
  const request: ServiceRequest = {
    argv: [...argv],
    cwd: io.cwd,
    env,
    tty: io.stdout.isTTY === true,
    columns: io.stdout.columns ?? null,
  };
  try {
    return await exchange(socket, request);
  } catch {
    return null;
  }
}

async function exchange(socket: string, request: ServiceRequest): Promise<ServiceAnswer> {
  const { LineReader, parseLine, serviceAnswerSchema } = await import('./service-protocol');
  return new Promise((done, fail) => {
    const conn = connect(socket);
    const reader = new LineReader();
    let settled = false;
    const settle = (e: Error | null, answer?: ServiceAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      conn.destroy();
      if (e) fail(e);
      else done(answer!);
    };
    const timer = setTimeout(() => settle(new Error('no answer in time')), ANSWER_TIMEOUT_MS);
    conn.on('connect', () => conn.write(`${JSON.stringify(request)}\n`));
    conn.on('data', (chunk: Buffer) => {
      try {
        const line = reader.push(chunk);
        if (line !== null) settle(null, parseLine(serviceAnswerSchema, line));
      } catch (e) {
        settle(e instanceof Error ? e : new Error(String(e)));
      }
    });
    conn.on('error', (e) => settle(e));
    conn.on('close', () => settle(new Error('the service closed the connection')));
  });
}
