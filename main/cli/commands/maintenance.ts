// archive-reader reindex, stats
import type { LibraryEngine } from '../../core/engine';
import type { LibraryStats } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { formatBytes, formatCount } from '../format/numbers';
import { EXIT } from '../io';
import { ProgressLine } from '../progress';

/** Rebuilds the index from the article files, with progress on a terminal. */
export async function reindexCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const progress = new ProgressLine(ctx.io.stderr, !ctx.cli.json && ctx.io.stderr.isTTY === true);
  const started = Date.now();
  try {
    await lib.reindex((p) => progress.update('Indexing', p.done, p.total));
  } finally {
    progress.clear();
  }
  const stats = await lib.stats();
  const seconds = (Date.now() - started) / 1000;
  if (ctx.cli.json) printJson(ctx, { documents: stats.index.documents, seconds });
  else {
    print(
      ctx,
      `Reindexed ${formatCount(stats.index.documents)} articles in ${seconds.toFixed(1)} s.`,
    );
  }
  return EXIT.ok;
}

/** Prints counts, size, index state and the top tags, places and languages. */
export async function statsCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const stats = await lib.stats();
  if (ctx.cli.json) printJson(ctx, stats);
  else print(ctx, describeStats(stats));
  return EXIT.ok;
}

const TOP = 10;

/** Aligned "Label  value" lines. */
export function describeStats(s: LibraryStats): string {
  const top = (items: { name: string; count: number }[]): string =>
    items.length === 0
      ? '-'
      : items
          .slice(0, TOP)
          .map((i) => `${i.name} (${formatCount(i.count)})`)
          .join(', ') + (items.length > TOP ? `, … ${formatCount(items.length - TOP)} more` : '');
  const rows: [string, string][] = [
    ['Library', s.libraryPath],
    [
      'Articles',
      `${formatCount(s.articles)} (unread ${formatCount(s.unread)}, favourites ${formatCount(s.favourites)}, in trash ${formatCount(s.trash)})`,
    ],
    ['Size', formatBytes(s.totalBytes)],
    [
      'Index',
      // The engine opens the index lazily, so a fresh read-only process sees it unloaded.
      s.index.ready
        ? `ready, ${formatCount(s.index.documents)} documents in ${formatCount(s.index.segments)} segments`
        : 'not loaded (it loads on the first search)',
    ],
    ['Tags', top(s.tags)],
    ['Places', top(s.places)],
    ['Languages', top(s.languages)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => k.padEnd(width) + v).join('\n');
}
