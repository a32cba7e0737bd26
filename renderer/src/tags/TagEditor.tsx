import { forwardRef, useId, useState, type KeyboardEvent } from 'react';

interface Props {
  tags: string[];
  /** Existing tag names offered as completions. */
  suggestions: string[];
  onAdd(tag: string): void;
  onRemove(tag: string): void;
  label?: string;
}

const fold = (s: string) => s.toLocaleLowerCase();

/** Tag chips with an input: Enter adds, Backspace on an empty input removes the last chip. */
export const TagEditor = forwardRef<HTMLInputElement, Props>(function TagEditor(
  { tags, suggestions, onAdd, onRemove, label = 'Add a tag' },
  ref,
) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const listId = useId();
  const typed = text.trim();
  const have = new Set(tags.map(fold));
  const matches =
    typed === ''
      ? []
      : suggestions
          .filter((s) => !have.has(fold(s)) && fold(s).includes(fold(typed)))
          .sort(
            (a, b) =>
              Number(!fold(a).startsWith(fold(typed))) - Number(!fold(b).startsWith(fold(typed))),
          )
          .slice(0, 8);
  const open = matches.length > 0;

  const add = (tag: string) => {
    const clean = tag.trim().replace(/\s+/g, ' ');
    if (clean === '') return;
    setText('');
    setActive(-1);
    if (!have.has(fold(clean))) onAdd(clean);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || (e.key === ',' && typed !== '')) {
      e.preventDefault();
      add(active >= 0 && matches[active] ? matches[active] : text);
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      e.preventDefault();
      onRemove(tags[tags.length - 1]!);
    } else if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((a) => (a + 1) % matches.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((a) => (a <= 0 ? matches.length - 1 : a - 1));
    } else if (e.key === 'Tab' && open && active >= 0 && matches[active]) {
      e.preventDefault();
      setText(matches[active]);
    } else if (e.key === 'Escape') {
      if (text !== '') {
        e.preventDefault();
        e.stopPropagation();
        setText('');
        setActive(-1);
      } else e.currentTarget.blur();
    }
  };

  return (
    <div className="tag-editor">
      <ul className="chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="chip">
            <span>{tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onRemove(tag)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="combo">
        <input
          ref={ref}
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          placeholder={tags.length === 0 ? 'Add a tag…' : 'Add…'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          className="suggestions"
          hidden={!open}
          aria-label="Existing tags"
        >
          {matches.map((m, i) => (
            <li
              key={m}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                add(m);
              }}
            >
              {m}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
});
