// archive-reader reindex, stats, check
import type { LibraryEngine } from '../../core/engine';
import { isAbsolute, relative, sep } from 'node:path';
import type { CheckReport, LibraryStats } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { formatBytes, formatCount, plural } from '../format/numbers';
import { EXIT } from '../io';
import { ProgressLine } from '../progress';

/**
 * Rebuilds the index from the article files, with progress on a terminal; names the article
 * files that could not be read (exit 1 when there are any).
 */
export async function reindexCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const progress = new ProgressLine(ctx.io.stderr, !ctx.cli.json && ctx.io.stderr.isTTY === true);
  const started = Date.now();
  try {
    await lib.reindex({ onProgress: (p) => progress.update('Indexing', p.done, p.total) });
  } finally {
    progress.clear();
  }
  const stats = await lib.stats();
  const seconds = (Date.now() - started) / 1000;
  const unreadable = stats.problems ?? [];
  if (ctx.cli.json) printJson(ctx, { documents: stats.index.documents, seconds, unreadable });
  else {
    const lines = [
      `Reindexed ${formatCount(stats.index.documents)} articles in ${seconds.toFixed(1)} s.`,
    ];
    if (unreadable.length > 0) {
      lines.push(
        `${plural(unreadable.length, 'article')} could not be read (left as they are; not searchable):`,
        ...unreadable.map((p) => `  ${libraryRelative(lib.path, p.path)}: ${p.reason}`),
      );
    }
    print(ctx, lines.join('\n'));
  }
  return unreadable.length > 0 ? EXIT.importFailures : EXIT.ok;
}

/** Verifies every article file and cache; exit 1 when anything is wrong. */
export async function checkCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const report = await lib.check();
  if (ctx.cli.json) printJson(ctx, report);
  else print(ctx, describeCheck(report));
  return report.ok ? EXIT.ok : EXIT.importFailures;
}

/** "Checked N articles and M cache files in T s: ..." and one line per problem. */
export function describeCheck(r: CheckReport): string {
  const head =
    `Checked ${plural(r.articlesChecked, 'article')} and ` +
    `${plural(r.cacheFilesChecked, 'other file')} in ${(r.tookMs / 1000).toFixed(1)} s: `;
  if (r.ok) return `${head}no problems found.`;
  const width = Math.max(...r.problems.map((p) => p.kind.length)) + 2;
  return [
    `${head}${plural(r.problems.length, 'problem')}.`,
    ...r.problems.map((p) => `  ${p.kind.padEnd(width)}${p.path}: ${p.reason}`),
  ].join('\n');
}

/** A path inside the library as "articles/ab/….json"; other paths as they are. */
function libraryRelative(libraryPath: string, path: string): string {
  const rel = relative(libraryPath, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
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
  const problems = s.problems ?? [];
  if (problems.length > 0) {
    rows.push(['Unreadable', `${plural(problems.length, 'article')} (left as they are)`]);
  }
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return [
    ...rows.map(([k, v]) => k.padEnd(width) + v),
    ...problems.map(
      (p) => `${' '.repeat(width)}${libraryRelative(s.libraryPath, p.path)}: ${p.reason}`,
    ),
  ].join('\n');
}
