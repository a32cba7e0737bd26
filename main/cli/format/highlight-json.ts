// A highlight as `highlight --json` and `note --json` print it (the fields docs/cli.md names).
import type { Highlight } from '../../contract/highlights';

/** The id, article, passage, note, colour and creation time of a highlight. */
export const highlightJson = (h: Highlight) => ({
  id: h.id,
  articleId: h.articleId,
  exact: h.exact,
  note: h.note,
  color: h.color,
  createdAt: h.createdAt,
});
