// What the CLI needs of its process, passed in so commands stay testable in-process.

/** A writable text stream that may be a terminal. */
export interface TextStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit statuses, as documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  importFailures: 1,
  usage: 2,
  failure: 3,
  interrupted: 130,
} as const;

/** True when stdout should get terminal styling (bold matches). */
export const wantsStyle = (io: CliIo): boolean =>
  io.stdout.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== 'dumb';
