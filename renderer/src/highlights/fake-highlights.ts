// The highlight calls of the component tests' fake main, over the articles it holds: enough
// of the engine's behaviour (placing, listing newest first, filters, undo) to drive the UI.
import type { ApiMethod } from '../../../main/contract/api-contract';
import type {
  Highlight,
  HighlightQuery,
  ListedHighlight,
  NewHighlight,
  RemovedHighlight,
} from '../../../main/contract/highlights';
import type { ArticleView } from '../../../main/contract/types';

let made = 0;

const stored = (h: Highlight, body: string): RemovedHighlight['highlight'] => ({
  id: h.id,
  color: h.color,
  note: h.note,
  createdAt: h.createdAt,
  updatedAt: h.updatedAt,
  cleanerVersion: 2,
  selector: [
    {
      type: 'TextQuoteSelector',
      exact: h.exact,
      prefix: body.slice(Math.max(0, (h.start ?? 0) - 32), h.start ?? 0),
      suffix: body.slice(h.end ?? 0, (h.end ?? 0) + 32),
    },
    { type: 'TextPositionSelector', start: h.start ?? 0, end: h.end ?? 0 },
  ],
});

function listed(articles: ArticleView[], q: HighlightQuery): ListedHighlight[] {
  return articles
    .filter((a) => !q.articleId || a.id === q.articleId)
    .filter((a) => !q.tag || a.tags.includes(q.tag))
    .flatMap((a) => a.highlights.map((h) => ({ ...h, title: a.title })))
    .filter((h) => !q.color || h.color === q.color)
    .sort((x, y) => y.createdAt.localeCompare(x.createdAt));
}

const markdownOf = (hs: ListedHighlight[]) =>
  hs.map((h) => `## ${h.title}\n\n> ${h.exact}\n\n${h.note}`).join('\n\n');

/** Answers a highlight call; undefined (NOT_FOUND) for an unknown id or an empty range. */
export function fakeHighlightCall(
  articles: ArticleView[],
  method: ApiMethod,
  args: unknown,
): unknown {
  const owner = (id: string) => articles.find((a) => a.highlights.some((h) => h.id === id));
  switch (method) {
    case 'addHighlight': {
      const n = args as NewHighlight;
      const a = articles.find((x) => x.id === n.id);
      if (!a || n.start === undefined || n.end === undefined) return undefined;
      const exact = a.body.slice(n.start, n.end);
      if (!exact.trim()) return undefined;
      made += 1;
      const at = new Date(Date.UTC(2024, 0, 1) + made * 60_000).toISOString();
      const h: Highlight = {
        id: `${a.id}-${made.toString(16).padStart(8, '0')}`,
        articleId: a.id,
        exact,
        note: n.note ?? '',
        color: n.color ?? 'yellow',
        createdAt: at,
        updatedAt: at,
        start: n.start,
        end: n.end,
        orphaned: false,
      };
      a.highlights = [...a.highlights, h];
      return h;
    }
    case 'updateHighlight': {
      const p = args as { id: string; note?: string; color?: Highlight['color'] };
      const a = owner(p.id);
      if (!a) return undefined;
      let out: Highlight | undefined;
      a.highlights = a.highlights.map((h) =>
        h.id === p.id ? (out = { ...h, note: p.note ?? h.note, color: p.color ?? h.color }) : h,
      );
      return out;
    }
    case 'removeHighlight': {
      const { id } = args as { id: string };
      const a = owner(id);
      const h = a?.highlights.find((x) => x.id === id);
      if (!a || !h) return undefined;
      a.highlights = a.highlights.filter((x) => x.id !== id);
      return { articleId: a.id, highlight: stored(h, a.body) } satisfies RemovedHighlight;
    }
    case 'restoreHighlight': {
      const r = args as RemovedHighlight;
      const a = articles.find((x) => x.id === r.articleId);
      if (!a) return undefined;
      const [quote, position] = r.highlight.selector;
      const h: Highlight = {
        id: r.highlight.id,
        articleId: a.id,
        exact: quote.exact,
        note: r.highlight.note,
        color: r.highlight.color,
        createdAt: r.highlight.createdAt,
        updatedAt: r.highlight.updatedAt,
        start: position.start,
        end: position.end,
        orphaned: false,
      };
      a.highlights = [...a.highlights, h];
      return h;
    }
    case 'listHighlights':
      return listed(articles, args as HighlightQuery);
    case 'exportHighlights': {
      const hs = listed(articles, args as HighlightQuery);
      return { markdown: markdownOf(hs), count: hs.length };
    }
    case 'exportMarkdown': {
      const ids = new Set((args as { ids: string[] }).ids);
      const chosen = articles.filter((a) => ids.has(a.id));
      const markdown = chosen.map((a) => `# ${a.title}\n\n${a.body}`).join('\n\n');
      return { markdown, count: chosen.length };
    }
    default:
      return undefined;
  }
}
