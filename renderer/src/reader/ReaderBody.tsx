import { memo, useMemo } from 'react';
import type { ArticleView } from '../../../main/contract/types';
import { articleDateLabel, formatPlace, languageName, plural } from '../shared/format';
import { normaliseRanges, rangesWithin, renderHighlighted } from '../shared/highlight';
import { highlightSpansWithin, renderMarked } from '../highlights/marks';
import { MarkdownBody } from './MarkdownBody';
import { splitParagraphs } from './paragraphs';

interface Props {
  article: ArticleView;
  showOriginal: boolean;
  /** Index of the current match among the body's marks. */
  currentMatch: number;
  /** Show the body as formatted Markdown (search matches are then not marked). */
  formatted?: boolean;
  onShowInFolder?(): void;
}

/** Title, dateline, metadata line and the body, with matches marked. */
export const ReaderBody = memo(function ReaderBody(props: Props) {
  const { article, showOriginal, currentMatch } = props;
  const lang = article.language && article.language !== 'und' ? article.language : undefined;
  const paragraphs = useMemo(() => {
    const ranges = normaliseRanges(article.matches, article.body.length);
    let first = 0;
    return splitParagraphs(article.body).map((p) => {
      const end = p.start + p.text.length;
      const own = rangesWithin(ranges, p.start, end);
      const spans = highlightSpansWithin(article.highlights, p.start, end);
      const item = { ...p, ranges: own, spans, first };
      first += normaliseRanges(own, p.text.length).length;
      return item;
    });
  }, [article.body, article.matches, article.highlights]);

  const date = articleDateLabel(article);
  const meta = [
    languageName(article.language),
    plural(article.wordCount, 'word'),
    `${Math.max(1, Math.round(article.readingMinutes))} min read`,
  ].filter(Boolean);
  const guessed = article.encodingGuessed === true;

  return (
    <article className="article" lang={lang}>
      <header>
        <h1 className="article-title" dir="auto">
          {renderHighlighted(article.title, article.titleMatches)}
        </h1>
        {article.place && (
          <p className="dateline">
            <span className="place">{formatPlace(article.place)}</span>
          </p>
        )}
        <p className="article-meta">
          <span className={date.added ? 'article-date added' : 'article-date'}>{date.text}</span>
          {meta.map((m, i) => (
            <span key={i}>{m}</span>
          ))}
          {guessed && (
            <span className="encoding-guessed" title={guessedEncodingNote(article.encoding)}>
              {article.encoding} (guessed)
            </span>
          )}
        </p>
        <p className="article-source">
          <span className="article-source-label">Source </span>
          <span className="article-source-path" dir="auto" data-testid="article-source">
            {article.sourcePath ?? `${article.sourceName} (dropped, no file on disk)`}
          </span>
          {/* A space, not a margin: it vanishes where the button wraps to a line of its own. */}{' '}
          {article.sourcePath && props.onShowInFolder && (
            <button type="button" className="link-button" onClick={props.onShowInFolder}>
              Show in folder
            </button>
          )}
        </p>
      </header>
      {showOriginal ? (
        <div className="original" aria-label="Original text">
          {article.original.split('\n').map((line, i) => (
            <p key={i} dir="auto">
              {line || '\u00a0'}
            </p>
          ))}
        </div>
      ) : props.formatted ? (
        <>
          {article.highlights.length > 0 && (
            <p className="hl-formatted-note" role="note">
              Highlights are drawn in the plain text: turn off Formatted to see them.
            </p>
          )}
          <MarkdownBody text={article.body} />
        </>
      ) : (
        // data-start maps a selection back to offsets in the body (highlights/selection-offsets).
        <div className="article-body">
          {paragraphs.map((p) => (
            <p key={p.start} dir="auto" data-start={p.start}>
              {renderMarked(p.text, p.ranges, p.spans, {
                firstIndex: p.first,
                current: currentMatch,
              })}
            </p>
          ))}
        </div>
      )}
    </article>
  );
});

/** Why an encoding is marked as guessed, for the reader's tooltip. */
function guessedEncodingNote(encoding: string): string {
  return `This file was not valid in any declared or detected encoding, so it was read as ${encoding}; some characters may be wrong.`;
}

/** Number of marks the body will show for these matches. */
export function countBodyMarks(article: ArticleView): number {
  const ranges = normaliseRanges(article.matches, article.body.length);
  return splitParagraphs(article.body).reduce(
    (n, p) =>
      n +
      normaliseRanges(rangesWithin(ranges, p.start, p.start + p.text.length), p.text.length).length,
    0,
  );
}
