// The reader's versions panel: the other versions of the open article's story (title, date,
// which is the main one), and for the one picked, how it differs from the open article,
// sentence by sentence. "Mark as main version" chooses the version a list hiding other
// versions shows. Keyboard: Tab through the versions and actions, Escape closes the panel.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ArticleMeta, ArticleView } from '../../../main/contract/types';
import { errorMessage, getClient } from '../api/client';
import { articleDateLabel, plural } from '../shared/format';
import { useLoaded } from './useLoaded';
import { VersionDiff } from './VersionDiff';
import { versionsLabel } from './VersionsBadge';

interface Props {
  article: ArticleView;
  /** Changes when the library changes: the group and the diff are asked for again. */
  version: number;
  /** Focus the panel once it shows (it was opened from its button, not restored). */
  focusOnOpen?: boolean;
  onOpen(id: string): void;
  onClose(): void;
}

const errorText = (what: string, message: string) => `${what}: ${message}`;

/** One version in the list: its title, its date, and whether it is the main version. */
function VersionItem(props: { meta: ArticleMeta; main: boolean; picked: boolean; onPick(): void }) {
  const { meta } = props;
  const when = articleDateLabel(meta);
  return (
    <button
      type="button"
      className="versions-item"
      aria-pressed={props.picked}
      onClick={props.onPick}
      title="Compare with the open article"
    >
      <span className="versions-item-title" dir="auto">
        {meta.title}
      </span>
      <span className="versions-item-meta">
        {when.text} · {plural(meta.wordCount, 'word')}
        {props.main && <span className="versions-main-tag">Main version</span>}
      </span>
    </button>
  );
}

/** The side panel listing the open article's other versions and comparing one with it. */
export function VersionsPanel({ article, version, focusOnOpen, onOpen, onClose }: Props) {
  const api = getClient();
  const heading = useRef<HTMLHeadingElement | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [marking, setMarking] = useState<{ id: string; error?: string } | null>(null);
  const group = useLoaded(article.id, version, () =>
    api.call('articleVersions', { id: article.id }),
  );
  const value = group && 'value' in group ? group.value : null;
  const others = value?.versions.filter((v) => v.id !== article.id) ?? [];
  const main = value?.main ?? null;
  // The main version first, when it is another one: the comparison most often wanted.
  const chosen =
    others.find((v) => v.id === picked) ?? others.find((v) => v.id === main) ?? others[0] ?? null;
  const diff = useLoaded(chosen ? `${article.id}:${chosen.id}` : null, version, () =>
    api.call('compareVersions', { id: article.id, other: chosen!.id }),
  );

  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);

  const markMain = (id: string) => {
    setMarking({ id });
    api.call('setMainVersion', { id }).then(
      () => {
        setMarking(null);
        // The button pressed goes away (that version is now the main one): focus stays inside.
        heading.current?.focus();
      },
      (e: unknown) =>
        setMarking({
          id,
          error: errorText('The main version could not be saved', errorMessage(e)),
        }),
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  };
  const lang = article.language && article.language !== 'und' ? article.language : undefined;
  const total = value
    ? value.versions.length
    : (article.versionCount ?? article.versions.length + 1);

  return (
    <aside className="versions-panel" aria-label="Versions of this story" onKeyDown={onKeyDown}>
      <div className="versions-head">
        <h2 ref={heading} tabIndex={-1}>
          {versionsLabel(total)}
        </h2>
        <button type="button" className="icon-button" aria-label="Close versions" onClick={onClose}>
          ×
        </button>
      </div>
      <div className="versions-body">
        {group === null ? (
          <p className="versions-note" aria-busy="true">
            Finding the versions…
          </p>
        ) : 'error' in group ? (
          <p className="versions-note" role="alert">
            {errorText('The versions could not be listed', group.error)}
          </p>
        ) : others.length === 0 ? (
          <p className="versions-note">This article has no other versions now.</p>
        ) : (
          <>
            <p className="versions-open">
              {main === article.id ? (
                <span className="versions-main-tag">This is the main version</span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  disabled={marking !== null && !marking.error}
                  onClick={() => markMain(article.id)}
                  title="Show this version when other versions are hidden in the list"
                >
                  Mark as main version
                </button>
              )}
            </p>
            <ul className="versions-list" aria-label="Other versions">
              {others.map((v) => (
                <li key={v.id}>
                  <VersionItem
                    meta={v}
                    main={v.id === main}
                    picked={v.id === chosen?.id}
                    onPick={() => setPicked(v.id)}
                  />
                </li>
              ))}
            </ul>
            {marking?.error && (
              <p className="versions-note" role="alert">
                {marking.error}
              </p>
            )}
            {chosen && (
              <section className="versions-compare" aria-label="Comparison">
                <div className="versions-compare-head">
                  <h3 dir="auto">
                    Compared with <bdi>{chosen.title}</bdi>
                  </h3>
                  <div className="versions-actions">
                    <button type="button" className="link-button" onClick={() => onOpen(chosen.id)}>
                      Open this version
                    </button>
                    {chosen.id !== main && (
                      <button
                        type="button"
                        className="link-button"
                        disabled={marking !== null && !marking.error}
                        onClick={() => markMain(chosen.id)}
                        title="Show the compared version when other versions are hidden in the list"
                      >
                        Make it the main version
                      </button>
                    )}
                  </div>
                </div>
                {diff === null ? (
                  <p className="versions-note" aria-busy="true">
                    Comparing…
                  </p>
                ) : 'error' in diff ? (
                  <p className="versions-note" role="alert">
                    {errorText('The versions could not be compared', diff.error)}
                  </p>
                ) : (
                  <>
                    <p className="versions-summary" aria-live="polite">
                      {diff.value.added === 0 && diff.value.removed === 0
                        ? 'The same sentences'
                        : `${plural(diff.value.added, 'sentence')} added, ${diff.value.removed} removed`}
                      {diff.value.coarse && ' (too different to compare sentence by sentence)'}
                      <span className="versions-legend" aria-hidden="true">
                        <ins className="diff-added">added</ins>
                        <del className="diff-removed">removed</del>
                      </span>
                    </p>
                    <VersionDiff segments={diff.value.segments} lang={lang} />
                  </>
                )}
              </section>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
