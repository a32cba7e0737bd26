// The failure of a command line that is used wrongly: the runner prints it with a hint to
// --help and exits 2. Kept apart so that `--help` loads no schema.
/** Bad command-line usage; the message is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
