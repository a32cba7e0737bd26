// What the command line and `archive-reader serve` say to each other over the socket: one
// request, one answer, each a line of JSON, checked on arrival like anything from outside.
import { z } from 'zod';

/** The longest request or answer line taken (a search's JSON answer is far below). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export const serviceRequestSchema = z.object({
  /** The command line, as the user typed it (without node and the script). */
  argv: z.array(z.string()).max(10_000),
  cwd: z.string(),
  env: z.record(z.string(), z.string()),
  /** Whether the user's stdout is a terminal, and how wide (terminal output depends on it). */
  tty: z.boolean(),
  columns: z.number().int().positive().nullable(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const serviceAnswerSchema = z.object({
  status: z.number().int().min(0).max(255),
  stdout: z.string(),
  stderr: z.string(),
});
export type ServiceAnswer = z.infer<typeof serviceAnswerSchema>;

/**
 * Collects one newline-ended line from a stream of chunks; null until it is complete. Throws
 * when the line grows past MAX_LINE_BYTES.
 */
export class LineReader {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;

  push(chunk: Buffer): string | null {
    const end = chunk.indexOf(0x0a);
    const part = end < 0 ? chunk : chunk.subarray(0, end);
    this.bytes += part.length;
    if (this.bytes > MAX_LINE_BYTES) throw new Error('the message is too long');
    this.chunks.push(part);
    return end < 0 ? null : Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Parses a line of JSON with `schema`; throws a plain Error naming what is wrong. */
export function parseLine<T>(schema: z.ZodType<T>, line: string): T {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error('the message is not JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new Error(`the message is malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
