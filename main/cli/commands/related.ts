// archive-reader related ID [--limit N]
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { EXIT } from '../io';

/** Lists the articles most like one, most similar first. */
export async function relatedCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const id = ctx.cli.args[0]!;
  const { hits } = await lib.related({ id, ...(ctx.cli.limit ? { limit: ctx.cli.limit } : {}) });
  if (ctx.cli.json) {
    printJson(ctx, { hits: hits.map((h) => ({ id: h.id, title: h.title, score: h.score })) });
  } else if (hits.length === 0) {
    print(ctx, 'No related articles.');
  } else {
    // As `search` numbers its hits: title, [id], score.
    const lines = hits.map(
      (h, i) => `${i + 1}. ${h.title}  [${h.id}]  score ${h.score.toFixed(2)}`,
    );
    print(ctx, lines.join('\n'));
  }
  return EXIT.ok;
}
