// A small size-rotated log file in the app's log folder. It records call names, durations,
// counts and error codes; callers never pass article titles, bodies or queries, and string
// fields are capped so nothing long slips in by accident.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface RotationPlan {
  /** Delete this file first (the oldest), when it exists. */
  remove: string;
  /** Then rename, in order: from -> to. */
  renames: [from: string, to: string][];
}

/**
 * Whether appending `incoming` bytes to a file of `size` bytes must rotate first, and how:
 * app.log -> app.1.log -> ... -> app.<keep>.log, the oldest dropped.
 */
export function planRotation(
  dir: string,
  base: string,
  size: number,
  incoming: number,
  maxBytes: number,
  keep: number,
): RotationPlan | null {
  if (size === 0 || size + incoming <= maxBytes) return null;
  const name = (i: number) => join(dir, i === 0 ? `${base}.log` : `${base}.${i}.log`);
  const renames: [string, string][] = [];
  for (let i = keep - 1; i >= 0; i--) renames.push([name(i), name(i + 1)]);
  return { remove: name(keep), renames };
}

const MAX_FIELD = 120;

/** One log line: time, level, event, then key=value fields (strings capped and quoted). */
export function formatLine(
  time: Date,
  level: LogLevel,
  event: string,
  fields: LogFields = {},
): string {
  const parts = [time.toISOString(), level.toUpperCase().padEnd(5), event];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    const text =
      typeof v === 'string'
        ? JSON.stringify(v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD)}…` : v)
        : String(v);
    parts.push(`${k}=${text}`);
  }
  return parts.join(' ') + '\n';
}

export interface LoggerOptions {
  dir: string;
  base?: string;
  maxBytes?: number;
  keep?: number;
  /** Also echo to stderr (development). */
  echo?: boolean;
}

/** Appends lines to <dir>/<base>.log, rotating by size. Synchronous: lines are few and short. */
export class Logger {
  private readonly base: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private size = -1;

  constructor(private readonly options: LoggerOptions) {
    this.base = options.base ?? 'main';
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 3;
  }

  /** Path of the current log file. */
  get file(): string {
    return join(this.options.dir, `${this.base}.log`);
  }

  debug(event: string, fields?: LogFields): void {
    this.write('debug', event, fields);
  }
  info(event: string, fields?: LogFields): void {
    this.write('info', event, fields);
  }
  warn(event: string, fields?: LogFields): void {
    this.write('warn', event, fields);
  }
  /** Logs an error with its code and stack (stacks name code, not article text). */
  error(event: string, error: unknown, fields?: LogFields): void {
    const e = error instanceof Error ? error : new Error(String(error));
    const code = (e as { code?: unknown }).code;
    this.write('error', event, {
      ...fields,
      name: e.name,
      ...(typeof code === 'string' ? { code } : {}),
    });
    if (e.stack)
      this.append(
        e.stack
          .split('\n')
          .slice(1, 12)
          .map((l) => `    ${l.trim()}`)
          .join('\n') + '\n',
      );
  }

  private write(level: LogLevel, event: string, fields?: LogFields): void {
    const line = formatLine(new Date(), level, event, fields);
    if (this.options.echo) process.stderr.write(line);
    this.append(line);
  }

  private append(text: string): void {
    try {
      if (this.size < 0) {
        mkdirSync(this.options.dir, { recursive: true });
        this.size = fileSize(this.file);
      }
      const bytes = Buffer.byteLength(text);
      const plan = planRotation(
        this.options.dir,
        this.base,
        this.size,
        bytes,
        this.maxBytes,
        this.keep,
      );
      if (plan) {
        rmSync(plan.remove, { force: true });
        for (const [from, to] of plan.renames) {
          try {
            renameSync(from, to);
          } catch {
            // A missing generation is fine: fewer old logs exist than kept.
          }
        }
        this.size = 0;
      }
      appendFileSync(this.file, text);
      this.size += bytes;
    } catch {
      // Logging must never take the app down (full disk, read-only folder).
    }
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // No log file yet (or none we can see): nothing to rotate.
    return 0;
  }
}
