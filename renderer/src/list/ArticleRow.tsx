import { memo, type MouseEvent } from 'react';
import type { ArticleMeta, TextRange } from '../../../main/contract/types';
import { articleDateLabel, formatPlace, sourceLabel } from '../shared/format';
import { renderHighlighted } from '../shared/highlight';
import { VersionsBadge } from '../versions/VersionsBadge';

export interface Row {
  meta: ArticleMeta;
  snippet?: string;
  snippetMatches?: TextRange[];
  titleMatches?: TextRange[];
}

interface Props {
  row: Row | undefined;
  index: number;
  count: number;
  selected: boolean;
  focused: boolean;
  open: boolean;
  start: number;
  size: number;
  onClick(index: number, e: MouseEvent): void;
}

/** One list row: title, place, date and source file, a snippet or excerpt, tags, progress. */
export const ArticleRow = memo(function ArticleRow(props: Props) {
  const { row, index } = props;
  const classes = ['row'];
  if (props.selected) classes.push('selected');
  if (props.focused) classes.push('focused');
  if (props.open) classes.push('open');
  if (row && !row.meta.read) classes.push('unread');
  const positioning = { height: `${props.size}px`, transform: `translateY(${props.start}px)` };
  if (!row) {
    return (
      <div
        className="row placeholder"
        role="option"
        aria-selected={false}
        aria-posinset={index + 1}
        aria-setsize={props.count}
        aria-busy="true"
        id={`row-${index}`}
        style={positioning}
      >
        <span className="skeleton" />
        <span className="skeleton short" />
      </div>
    );
  }
  const { meta } = row;
  const when = articleDateLabel(meta);
  // Started but not finished: the saved position shows as a thin bar under the row.
  const progress = meta.position > 0 && meta.position < 1 ? meta.position : null;
  return (
    <div
      className={classes.join(' ')}
      role="option"
      aria-selected={props.selected}
      aria-posinset={index + 1}
      aria-setsize={props.count}
      id={`row-${index}`}
      data-id={meta.id}
      style={positioning}
      onClick={(e) => props.onClick(index, e)}
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
    >
      {!meta.read && <span className="unread-dot" aria-label="Unread" role="img" />}
      <div className="row-title" dir="auto">
        {meta.favourite && (
          <span className="fav-star" aria-label="Favourite" role="img">
            ★
          </span>
        )}
        <span className="row-title-text">
          {renderHighlighted(meta.title, row.titleMatches ?? [])}
        </span>
        {/* Absent until the engine has built the version groups after an open; the list
            refetches on the 'versions' change it then sends, and the badge appears. */}
        {(meta.versionCount ?? 0) > 1 && <VersionsBadge count={meta.versionCount!} />}
      </div>
      <div className="row-meta">
        {meta.place && <span className="place">{formatPlace(meta.place)}</span>}
        {meta.place && <span aria-hidden="true"> · </span>}
        <span className={when.added ? 'row-date added' : 'row-date'}>{when.text}</span>
        {/* The file name tells apart stories that share a title. */}
        <span aria-hidden="true"> · </span>
        <span className="row-source" dir="auto" title={meta.sourcePath ?? meta.sourceName}>
          {sourceLabel(meta)}
        </span>
      </div>
      <div className="row-excerpt" dir="auto">
        {row.snippet !== undefined
          ? renderHighlighted(row.snippet, row.snippetMatches ?? [])
          : meta.excerpt}
      </div>
      {meta.tags.length > 0 && (
        <div className="row-tags">
          {meta.tags.map((t) => (
            <span key={t} className="tag-pill">
              {t}
            </span>
          ))}
        </div>
      )}
      {progress !== null && (
        <div
          className="row-progress"
          role="progressbar"
          aria-label="Read so far"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress * 100)}
        >
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
    </div>
  );
});
