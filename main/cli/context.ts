// What every command gets: the parsed command line, the process streams and output helpers.
import type { ParsedCommandLine } from './args';
import { escapeJson, escapeOutput } from './format/escape-controls';
import type { CliIo } from './io';

export interface CommandContext {
  cli: ParsedCommandLine;
  io: CliIo;
  /** Aborted on Ctrl-C, so long imports stop after the file in hand. */
  signal: AbortSignal;
}

/** Writes lines of text to stdout, with any control characters in them shown escaped. */
export const print = (ctx: CommandContext, text: string): void => {
  const safe = escapeOutput(text);
  ctx.io.stdout.write(safe.endsWith('\n') ? safe : safe + '\n');
};

/** Writes one JSON document to stdout. */
export const printJson = (ctx: CommandContext, value: unknown): void => {
  ctx.io.stdout.write(escapeJson(JSON.stringify(value, null, 2)) + '\n');
};

/** Terminal width for tables (wide when stdout is not a terminal). */
export const outputWidth = (ctx: CommandContext): number =>
  ctx.io.stdout.isTTY ? Math.max(40, ctx.io.stdout.columns ?? 100) : 120;
