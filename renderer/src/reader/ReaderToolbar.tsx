import type { Settings, Theme } from '../../../main/contract/api-contract';
import type { ArticleView } from '../../../main/contract/types';
import { usePaneNav } from '../app/PaneNavContext';
import { versionsLabel } from '../versions/VersionsBadge';

interface Props {
  article: ArticleView;
  settings: Settings;
  onSettings(patch: Partial<Settings>): void;
  showOriginal: boolean;
  onToggleOriginal(): void;
  matchCount: number;
  currentMatch: number;
  onStepMatch(delta: 1 | -1): void;
  onFavourite(): void;
  onRead(): void;
  onTrash(): void;
  /** True for a Markdown article shown in its clean view (it can be formatted or plain). */
  markdown: boolean;
  formatted: boolean;
  onToggleFormatted(): void;
  onFind(): void;
  onPrint(): void;
  onCite(): void;
  highlightCount: number;
  highlightsOpen: boolean;
  onToggleHighlights(): void;
  /** Versions of this story the library holds (itself included); 0 when none. */
  versionCount?: number;
  versionsOpen?: boolean;
  onToggleVersions?(): void;
}

const THEMES: { theme: Theme; label: string }[] = [
  { theme: 'system', label: 'Auto' },
  { theme: 'light', label: 'Light' },
  { theme: 'sepia', label: 'Sepia' },
  { theme: 'dark', label: 'Dark' },
];

/** Article actions and reading preferences. */
export function ReaderToolbar(props: Props) {
  const { article, settings, onSettings } = props;
  const { back } = usePaneNav();
  return (
    <div className="reader-toolbar" role="toolbar" aria-label="Article">
      <div className="group">
        {back && (
          <button
            type="button"
            className="tool back-button"
            onClick={back}
            title="Back to the list (Esc)"
          >
            <span aria-hidden="true">← </span>Back
          </button>
        )}
        <button
          type="button"
          className="tool"
          aria-pressed={article.favourite}
          onClick={props.onFavourite}
          title="Favourite (f)"
        >
          {article.favourite ? '★ Favourite' : '☆ Favourite'}
        </button>
        <button type="button" className="tool" onClick={props.onRead} title="Read / unread (u)">
          {article.read ? 'Mark unread' : 'Mark read'}
        </button>
        <button
          type="button"
          className="tool"
          onClick={props.onTrash}
          title={article.trashedAt ? 'Restore from trash' : 'Move to trash (Delete)'}
        >
          {article.trashedAt ? 'Restore' : 'Trash'}
        </button>
        <button
          type="button"
          className="tool"
          aria-pressed={props.showOriginal}
          onClick={props.onToggleOriginal}
        >
          Original
        </button>
        {props.markdown && (
          <button
            type="button"
            className="tool"
            aria-pressed={props.formatted}
            onClick={props.onToggleFormatted}
            title={
              props.formatted
                ? 'Show the plain text (search matches are marked there)'
                : 'Show the Markdown formatted'
            }
          >
            Formatted
          </button>
        )}
      </div>
      <div className="group">
        {(props.versionCount ?? 0) > 1 && (
          <button
            type="button"
            className="tool versions-tool"
            aria-pressed={props.versionsOpen === true}
            onClick={props.onToggleVersions}
            title="Show the other versions of this story and how they differ"
          >
            {versionsLabel(props.versionCount!)}
          </button>
        )}
        <button
          type="button"
          className="tool"
          aria-pressed={props.highlightsOpen}
          onClick={props.onToggleHighlights}
          title="Show the highlights and notes of this article"
        >
          Highlights ({props.highlightCount})
        </button>
        <button
          type="button"
          className="tool"
          onClick={props.onFind}
          title="Find in article (Ctrl+F)"
        >
          Find
        </button>
        <button
          type="button"
          className="tool"
          onClick={props.onCite}
          aria-label="Cite: copy a citation"
          title="Copy a citation: title, place, date and source"
        >
          Cite
        </button>
        <button type="button" className="tool" onClick={props.onPrint} title="Print the article">
          Print
        </button>
      </div>
      {props.matchCount > 0 && (
        <div className="group matches" aria-label="Matches">
          <button
            type="button"
            className="tool"
            aria-label="Previous match"
            title="Previous match (Shift+N)"
            onClick={() => props.onStepMatch(-1)}
          >
            ↑
          </button>
          <span className="match-count" aria-live="polite">
            {props.currentMatch + 1} of {props.matchCount}
          </span>
          <button
            type="button"
            className="tool"
            aria-label="Next match"
            title="Next match (N)"
            onClick={() => props.onStepMatch(1)}
          >
            ↓
          </button>
        </div>
      )}
      <div className="group">
        <button
          type="button"
          className="tool"
          title="Smaller text"
          onClick={() => onSettings({ fontSize: settings.fontSize - 1 })}
        >
          <span aria-hidden="true">A−</span>
          <span className="visually-hidden">Smaller text</span>
        </button>
        <button
          type="button"
          className="tool"
          title="Larger text"
          onClick={() => onSettings({ fontSize: settings.fontSize + 1 })}
        >
          <span aria-hidden="true">A+</span>
          <span className="visually-hidden">Larger text</span>
        </button>
        <button
          type="button"
          className="tool"
          title="Narrower lines"
          onClick={() => onSettings({ lineWidth: settings.lineWidth - 4 })}
        >
          <span aria-hidden="true">⇥⇤</span>
          <span className="visually-hidden">Narrower lines</span>
        </button>
        <button
          type="button"
          className="tool"
          title="Wider lines"
          onClick={() => onSettings({ lineWidth: settings.lineWidth + 4 })}
        >
          <span aria-hidden="true">⇤⇥</span>
          <span className="visually-hidden">Wider lines</span>
        </button>
        <label className="theme-select">
          <span className="visually-hidden">Theme</span>
          <select
            value={settings.theme}
            onChange={(e) => onSettings({ theme: e.target.value as Theme })}
          >
            {THEMES.map((t) => (
              <option key={t.theme} value={t.theme}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
