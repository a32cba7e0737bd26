// archive-reader restore FILE --library DIR: a backup into an empty or new folder.
// (`restore ID...` takes articles out of the trash; an argument that is not an article id is
// a backup file.)
import { resolve } from 'node:path';
import type { RestoreResult } from '../../contract/backup';
import { articleIdSchema } from '../../contract/article-id';
import { describeContents } from '../../core/backup/describe-contents';
import { restoreBackup } from '../../core/backup/restore-backup';
import { Library } from '../../core/library';
import { UsageError, type ParsedCommandLine } from '../args';
import { print, printJson, type CommandContext } from '../context';
import { formatBytes, plural } from '../format/numbers';
import { EXIT } from '../io';
import { workerOptions } from '../open';
import { ProgressLine } from '../progress';

/** True when `restore` names one backup file rather than article ids. */
export function isBackupRestore(cli: ParsedCommandLine): boolean {
  return (
    cli.command === 'restore' &&
    cli.args.length === 1 &&
    !articleIdSchema.safeParse(cli.args[0]).success
  );
}

const PHASES = { reading: 'Reading', verifying: 'Verifying', indexing: 'Indexing' } as const;

/** Restores the backup into --library DIR (which must be empty or new) and says what it held. */
export async function restoreBackupCommand(ctx: CommandContext): Promise<number> {
  const { cli, io } = ctx;
  if (cli.library === undefined) {
    throw new UsageError(
      'restore FILE needs --library DIR: an empty or new folder for the restored library',
    );
  }
  const progress = new ProgressLine(io.stderr, !cli.json && io.stderr.isTTY === true);
  let result: RestoreResult;
  try {
    result = await restoreBackup(resolve(io.cwd, cli.args[0]!), resolve(io.cwd, cli.library), {
      signal: ctx.signal,
      onProgress: (p) => progress.update(PHASES[p.phase], p.done, p.total),
      rebuild: async (dir, onIndexProgress) => {
        const lib = await Library.open(dir, { create: false, ...workerOptions(), onIndexProgress });
        await lib.close();
      },
    });
  } finally {
    progress.clear();
  }
  if (cli.json) printJson(ctx, result);
  else {
    print(
      ctx,
      `Restored ${describeContents(result.contents)} into ${result.library} ` +
        `from the backup of ${result.backupCreatedAt} (${plural(result.files, 'file')}, ` +
        `${formatBytes(result.bytes)}, every checksum verified) in ${(result.tookMs / 1000).toFixed(1)} s.`,
    );
  }
  return EXIT.ok;
}
