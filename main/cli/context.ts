// What every command gets: the parsed command line, the process streams and output helpers.
import type { ParsedCommandLine } from './args';
import type { CliIo } from './io';

export interface CommandContext {
  cli: ParsedCommandLine;
  io: CliIo;
  /** Aborted on Ctrl-C, so long imports stop after the file in hand. */
  signal: AbortSignal;
}

/** Writes lines of text to stdout. */
export const print = (ctx: CommandContext, text: string): void => {
  ctx.io.stdout.write(text.endsWith('\n') ? text : text + '\n');
};

/** Writes one JSON document to stdout. */
export const printJson = (ctx: CommandContext, value: unknown): void => {
  ctx.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
};

/** Terminal width for tables (wide when stdout is not a terminal). */
export const outputWidth = (ctx: CommandContext): number =>
  ctx.io.stdout.isTTY ? Math.max(40, ctx.io.stdout.columns ?? 100) : 120;
