import { ArchiveError, isArchiveError } from '../errors';
import type { WireError } from './protocol';

/** Flattens an error for postMessage, keeping ArchiveError's code and message. */
export function toWireError(error: unknown): WireError {
  if (isArchiveError(error)) return { archive: true, code: error.code, message: error.message };
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    archive: false,
    code: 'INTERNAL',
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

/** Rebuilds a thrown error: ArchiveError stays one; anything else becomes a plain Error. */
export function fromWireError(wire: WireError): Error {
  if (wire.archive) return new ArchiveError(wire.code, wire.message);
  const e = new Error(`Library worker: ${wire.message}`);
  if (wire.stack) e.stack = `${e.message}\n--- in the worker ---\n${wire.stack}`;
  return e;
}
