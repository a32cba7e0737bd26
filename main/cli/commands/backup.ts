// archive-reader backup FILE: the whole library as one zip archive, beside a running app.
import { resolve } from 'node:path';
import type { BackupResult } from '../../contract/backup';
import { writeBackup } from '../../core/backup/write-backup';
import { resolveLibraryDir } from '../../core/library-location';
import { userDataDir } from '../../core/paths';
import { print, printJson, type CommandContext } from '../context';
import { formatBytes, formatCount, plural } from '../format/numbers';
import { EXIT } from '../io';
import { ProgressLine } from '../progress';
import { describeContents } from '../../core/backup/describe-contents';

/** Writes the backup; reads the library's files directly (no lock, so it works beside the app). */
export async function backupCommand(ctx: CommandContext, appVersion: string): Promise<number> {
  const { cli, io } = ctx;
  const dir = resolveLibraryDir({
    flag: cli.library === undefined ? undefined : resolve(io.cwd, cli.library),
    env: io.env,
    userData: userDataDir(process.platform, io.env),
  });
  const progress = new ProgressLine(io.stderr, !cli.json && io.stderr.isTTY === true);
  let result: BackupResult;
  try {
    result = await writeBackup(dir, resolve(io.cwd, cli.args[0]!), {
      appVersion,
      signal: ctx.signal,
      onProgress: (p) => progress.update('Backing up', p.done, p.total),
    });
  } finally {
    progress.clear();
  }
  if (cli.json) printJson(ctx, result);
  else print(ctx, describeBackup(result));
  return EXIT.ok;
}

/** "Backed up N articles (…) to FILE (size) in T s." plus any file left out. */
export function describeBackup(r: BackupResult): string {
  const lines = [
    `Backed up ${describeContents(r.contents)} to ${r.path} ` +
      `(${plural(r.files, 'file')}, ${formatBytes(r.archiveBytes)}) in ${(r.tookMs / 1000).toFixed(1)} s.`,
  ];
  if (r.skipped.length > 0) {
    lines.push(
      `${formatCount(r.skipped.length)} left out:`,
      ...r.skipped.map((s) => `  ${s.path}: ${s.reason}`),
    );
  }
  return lines.join('\n');
}
