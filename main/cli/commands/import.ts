// archive-reader import PATH...
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { LibraryEngine } from '../../core/engine';
import type { ImportSummary } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { formatCount } from '../format/numbers';
import { EXIT } from '../io';
import { ProgressLine } from '../progress';

/** At most this many imported articles are listed one by one in human output. */
const LIST_IMPORTED_UP_TO = 20;

/** Imports the given files and folders; exit 1 when some files failed. */
export async function importCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const roots = ctx.cli.args.map((p) => resolve(ctx.io.cwd, p));
  const progress = new ProgressLine(ctx.io.stderr, !ctx.cli.json && ctx.io.stderr.isTTY === true);
  let summary: ImportSummary;
  try {
    summary = await lib.importSources(
      roots.map((path) => ({ path })),
      {
        signal: ctx.signal,
        onProgress: (p) =>
          progress.update('Importing', p.done, p.total, displayPath(p.current, roots, ctx.io.cwd)),
      },
    );
  } finally {
    progress.clear();
  }
  if (ctx.cli.json) {
    printJson(ctx, {
      imported: summary.imported.map(({ id, title, path }) => ({ id, title, path })),
      duplicates: summary.duplicates.map(({ path, id, title }) => ({ path, id, title })),
      restored: (summary.restored ?? []).map(({ id, title, path }) => ({ id, title, path })),
      failed: summary.failed.map(({ path, reason }) => ({ path, reason })),
      skipped: summary.skipped,
      skippedFiles: (summary.skippedFiles ?? []).map(({ path, reason }) => ({ path, reason })),
      cancelled: summary.cancelled,
    });
  } else {
    print(ctx, describeSummary(summary, ctx.io.cwd));
  }
  if (summary.cancelled) return EXIT.interrupted;
  return summary.failed.length > 0 ? EXIT.importFailures : EXIT.ok;
}

/**
 * The human report: imported articles (when few), the counts, then every failure and every
 * skip worth a reason (a link out of the folder, a pipe). Names and reasons are escaped: a
 * file name can hold terminal controls and line breaks.
 */
export function describeSummary(summary: ImportSummary, cwd: string): string {
  const lines: string[] = [];
  const entry = (path: string, reason: string): string =>
    `  ${escapeControls(shortPath(path, cwd))}: ${escapeControls(reason)}`;
  if (summary.imported.length <= LIST_IMPORTED_UP_TO) {
    for (const a of summary.imported) lines.push(`  + ${a.id}  ${escapeControls(a.title)}`);
  }
  lines.push(
    `${formatCount(summary.imported.length)} imported, ${formatCount(summary.duplicates.length)} ` +
      `duplicates, ${formatCount(summary.failed.length)} failed, ${formatCount(summary.skipped)} skipped` +
      (summary.cancelled ? ' (cancelled)' : ''),
  );
  const restored = summary.restored ?? [];
  if (restored.length > 0) {
    lines.push(`Restored from the trash: ${formatCount(restored.length)}`);
    if (restored.length <= LIST_IMPORTED_UP_TO) {
      for (const a of restored) lines.push(`  ↺ ${a.id}  ${escapeControls(a.title)}`);
    }
  }
  if (summary.failed.length > 0) {
    lines.push('Failed:');
    for (const f of summary.failed) lines.push(entry(f.path, f.reason));
  }
  const skippedFiles = summary.skippedFiles ?? [];
  if (skippedFiles.length > 0) {
    lines.push('Skipped:');
    for (const s of skippedFiles) lines.push(entry(s.path, s.reason));
  }
  return lines.join('\n');
}

/** The path inside the folder being imported ("business/123.txt"), else relative to cwd. */
function displayPath(current: string, roots: string[], cwd: string): string {
  if (!isAbsolute(current)) return current;
  for (const root of roots) {
    if (current.startsWith(root + sep)) return relative(root, current);
  }
  return shortPath(current, cwd);
}

function shortPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel.startsWith('..') ? path : rel;
}
