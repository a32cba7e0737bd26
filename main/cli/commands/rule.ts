// archive-reader rule add TAG QUERY, rule remove TAG
import type { LibraryEngine } from '../../core/engine';
import { print, printJson, type CommandContext } from '../context';
import { escapeControls } from '../format/escape-controls';
import { plural } from '../format/numbers';
import { EXIT } from '../io';

/**
 * Adds a tagging rule and applies it at once (printing how many articles got the tag), or
 * removes one (its tag comes off only the articles the rule had tagged).
 */
export async function ruleCommand(lib: LibraryEngine, ctx: CommandContext): Promise<number> {
  const [sub, tag, ...words] = ctx.cli.args as [string, string, ...string[]];
  if (sub === 'add') {
    const query = words.join(' ');
    const outcome = await lib.putTagRule({ tag, query });
    if (ctx.cli.json) printJson(ctx, { tag, query, ...outcome });
    else {
      print(
        ctx,
        escapeControls(
          `${plural(outcome.tagged, 'article')} got the tag "${tag}" (${plural(outcome.matched, 'match', 'matches')})`,
        ),
      );
    }
    return EXIT.ok;
  }
  const outcome = await lib.removeTagRule({ tag });
  if (ctx.cli.json) printJson(ctx, { tag, untagged: outcome.untagged });
  else {
    print(
      ctx,
      escapeControls(
        `Removed the rule for "${tag}"; the tag came off ${plural(outcome.untagged, 'article')} it had tagged`,
      ),
    );
  }
  return EXIT.ok;
}
