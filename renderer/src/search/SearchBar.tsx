import { forwardRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SEARCH_SYNTAX } from '../../../main/contract/search-syntax';

interface Props {
  value: string;
  onChange(value: string): void;
  /** Arrow down / Enter moves to the results. */
  onLeave(): void;
  /** Esc on an empty field: focus goes back to the list (never to the page body). */
  onDone?(): void;
}

// The same list the README's search table is checked against.
const SYNTAX: [string, string][] = SEARCH_SYNTAX.map((e) => [e.forms.join('  or  '), e.meaning]);

/** The one search field, with a small syntax help popover. */
export const SearchBar = forwardRef<HTMLInputElement, Props>(function SearchBar(
  { value, onChange, onLeave, onDone },
  ref,
) {
  const [help, setHelp] = useState(false);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (help) setHelp(false);
      else if (value) onChange('');
      else if (onDone) onDone();
      else e.currentTarget.blur();
    } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      onLeave();
    }
  };
  // Esc on the help button closes the help (focus stays on the button) before it means
  // "clear the search" to the rest of the app.
  const onHelpKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'Escape' || !help) return;
    e.preventDefault();
    e.stopPropagation();
    setHelp(false);
  };
  // The help is a passing hint: it closes when focus leaves the search field and its button.
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (help && !e.currentTarget.contains(e.relatedTarget as Node | null)) setHelp(false);
  };
  return (
    <div className="search" role="search" onBlur={onBlur}>
      <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="6.5" cy="6.5" r="4.5" />
        <line x1="10" y1="10" x2="14" y2="14" />
      </svg>
      <input
        ref={ref}
        type="search"
        aria-label="Search articles"
        placeholder="Search  ( / )"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="icon-button"
        aria-label="Search syntax help"
        aria-expanded={help}
        aria-controls="search-help"
        onKeyDown={onHelpKey}
        onClick={() => setHelp((h) => !h)}
      >
        ?
      </button>
      {help && (
        <div id="search-help" className="popover" role="dialog" aria-label="Search syntax">
          <dl>
            {SYNTAX.map(([code, text]) => (
              <div key={code}>
                <dt>
                  <code>{code}</code>
                </dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
          <p className="hint">
            Combine them: <code>climate -oil title:report</code>
          </p>
        </div>
      )}
    </div>
  );
});
