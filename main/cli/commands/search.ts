// archive-reader search QUERY [--limit N] [--tag T]... [--sort S] [--order O]
import type { LibraryEngine } from '../../core/engine';
import type { SearchResult } from '../../contract/types';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { markRanges } from '../format/marks';
import { formatCount, plural } from '../format/numbers';
import { EXIT, wantsStyle } from '../io';

const DEFAULT_LIMIT = 20;

/** Runs a full-text search; a bad query surfaces as BAD_QUERY (exit 2). */
export async function searchCommand(
  lib: Pick<LibraryEngine, 'search'>,
  ctx: CommandContext,
): Promise<number> {
  const query = ctx.cli.args.join(' ');
  const result = await lib.search({
    query,
    limit: ctx.cli.limit ?? DEFAULT_LIMIT,
    ...(ctx.cli.searchSort !== undefined ? { sort: ctx.cli.searchSort } : {}),
    ...(ctx.cli.order !== undefined ? { order: ctx.cli.order } : {}),
    ...(ctx.cli.tags.length > 0 ? { tags: ctx.cli.tags } : {}),
  });
  printSearchResult(ctx, result);
  return EXIT.ok;
}

/** Prints a search result as `search` does: the hits (or JSON), and notes on stderr. */
export function printSearchResult(ctx: CommandContext, result: SearchResult): void {
  if (ctx.cli.json) printJson(ctx, searchJson(result));
  else {
    print(ctx, describeResult(result, wantsStyle(ctx.io)));
    // The hits stand; the notes say which words were searched only in part.
    for (const c of result.capped ?? [])
      ctx.io.stderr.write(`note: ${escapeControls(c.message)}\n`);
    for (const c of result.corrected ?? []) {
      const note = `no article has ${c.from}; showing results for ${c.to} (quote it to search it as typed)`;
      ctx.io.stderr.write(`note: ${escapeControls(note)}\n`);
    }
    if (result.passage) {
      const note =
        'a long passage is searched as a bag of its words; quote it to find it as written';
      ctx.io.stderr.write(`note: ${note}\n`);
    }
    for (const word of result.ignored ?? []) {
      const note = `no article has ${word}, nor anything spelt like it; searched without it`;
      ctx.io.stderr.write(`note: ${escapeControls(note)}\n`);
    }
    if (result.didYouMean) {
      const { query: better, total } = result.didYouMean;
      const note = `did you mean: ${better} (${plural(total, 'article')})`;
      ctx.io.stderr.write(`note: ${escapeControls(note)}\n`);
    }
  }
}

function searchJson(result: SearchResult): unknown {
  return {
    total: result.total,
    partial: result.partial,
    tookMs: result.tookMs,
    capped: result.capped ?? [],
    corrected: result.corrected ?? [],
    ignored: result.ignored ?? [],
    passage: result.passage === true,
    didYouMean: result.didYouMean ?? null,
    hits: result.hits.map((h) => ({
      id: h.id,
      title: h.title,
      score: h.score,
      snippet: h.snippet,
      snippetMatches: h.snippetMatches,
      titleMatches: h.titleMatches,
      place: h.meta.place,
      articleDate: h.meta.articleDate,
      tags: h.meta.tags,
    })),
  };
}

/** Numbered hits with score, id and the snippet, matches marked; then the count. */
export function describeResult(result: SearchResult, style: boolean): string {
  if (result.hits.length === 0) return 'No matching articles.';
  const lines: string[] = [];
  result.hits.forEach((h, i) => {
    const where = [h.meta.place, h.meta.articleDate].filter(Boolean).join(', ');
    lines.push(
      `${i + 1}. ${markRanges(h.title, h.titleMatches, style)}` +
        `  [${h.id}]  score ${h.score.toFixed(2)}${where ? `  ${where}` : ''}`,
    );
    if (h.snippet)
      lines.push(`   ${markRanges(h.snippet, h.snippetMatches, style).replace(/\s+/g, ' ')}`);
  });
  const shown = result.hits.length;
  lines.push(
    `${shown < result.total ? `${formatCount(shown)} of ` : ''}${formatCount(result.total)} ` +
      `${result.total === 1 ? 'match' : 'matches'} (${Math.round(result.tookMs)} ms)` +
      (result.partial ? ', index still loading' : ''),
  );
  return lines.join('\n');
}
