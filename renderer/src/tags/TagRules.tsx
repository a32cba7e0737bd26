import { useEffect, useState } from 'react';
import { errorMessage } from '../../../main/contract/error-message';
import type { TagRule, TagRuleCount } from '../../../main/contract/organise';
import { getClient } from '../api/client';
import { plural } from '../shared/format';

interface Props {
  /** A notice, with an undo when given. */
  notify(message: string, undo?: () => Promise<unknown> | void): void;
  /** Changes when the tags change (a rename or merge moves rules along): the rules reload. */
  refresh?: unknown;
}

type Preview = { matched: number; wouldTag: number } | { error: string } | null;

// The preview waits for typing to pause.
const PREVIEW_DELAY_MS = 300;

/**
 * Tagging rules in the tag manager: every article a rule's search finds gets its tag, now
 * and at every import. The form previews how many articles a rule finds and would tag before
 * it is saved; saving, editing and removing can be undone. A rule only ever takes its tag off
 * the articles it tagged itself.
 */
export function TagRules({ notify, refresh }: Props) {
  const api = getClient();
  const [rules, setRules] = useState<TagRuleCount[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [tag, setTag] = useState('');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<TagRule | null>(null);
  const [preview, setPreview] = useState<Preview>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => setTick((t) => t + 1);

  useEffect(() => {
    let live = true;
    api.call('listTagRules', {}).then(
      (r) => {
        if (!live) return;
        setRules(r.rules);
        setListError(null);
      },
      (e: unknown) => live && setListError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [api, tick, refresh]);

  useEffect(() => {
    if (tag.trim() === '' || query.trim() === '') {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.call('previewTagRule', { tag: tag.trim(), query }).then(
        (p) => live && setPreview(p),
        (e: unknown) => live && setPreview({ error: errorMessage(e) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, tag, query]);

  const reset = () => {
    setTag('');
    setQuery('');
    setEditing(null);
    setPreview(null);
  };

  const save = async () => {
    const next = { tag: tag.trim(), query };
    const old = editing;
    setBusy(true);
    try {
      const outcome = await api.call('putTagRule', {
        ...next,
        ...(old ? { previous: old.tag } : {}),
      });
      reset();
      reload();
      const message = `Rule for “${next.tag}” saved: ${plural(outcome.tagged, 'article')} tagged`;
      notify(message, async () => {
        if (old) await api.call('putTagRule', { ...old, previous: next.tag });
        else await api.call('removeTagRule', { tag: next.tag });
        reload();
      });
    } catch (e) {
      setPreview({ error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (rule: TagRuleCount) => {
    try {
      const outcome = await api.call('removeTagRule', { tag: rule.tag });
      reload();
      notify(
        `Rule for “${rule.tag}” removed; the tag came off ${plural(outcome.untagged, 'article')} it had tagged`,
        async () => {
          await api.call('putTagRule', { tag: rule.tag, query: rule.query });
          reload();
        },
      );
    } catch (e) {
      notify(errorMessage(e));
    }
  };

  const ready = tag.trim() !== '' && query.trim() !== '' && !busy;
  return (
    <section className="tag-rules" aria-labelledby="tag-rules-title">
      <h3 id="tag-rules-title">Rules</h3>
      <p className="hint">
        Every article a rule’s search finds gets its tag, now and whenever articles are imported.
        Removing a rule takes the tag only off the articles the rule tagged.
      </p>
      {listError && <p className="error-text">{listError}</p>}
      {rules && rules.length > 0 && (
        <ul className="rule-lines">
          {rules.map((r) => (
            <li key={r.tag} className="rule-line">
              <span className="rule-tag" dir="auto">
                {r.tag}
              </span>
              <code className="rule-query" dir="auto">
                {r.query}
              </code>
              <span className="count" title="Articles the search finds now">
                {r.matched.toLocaleString()}
              </span>
              <button
                type="button"
                className="button quiet"
                aria-label={`Edit rule for ${r.tag}`}
                onClick={() => {
                  setEditing({ tag: r.tag, query: r.query });
                  setTag(r.tag);
                  setQuery(r.query);
                }}
              >
                Edit
              </button>
              <button
                type="button"
                className="button quiet danger"
                aria-label={`Remove rule for ${r.tag}`}
                onClick={() => void remove(r)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="rule-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void save();
        }}
      >
        <div className="rule-fields">
          <label>
            Tag
            <input value={tag} dir="auto" onChange={(e) => setTag(e.target.value)} />
          </label>
          <label>
            Search
            <input
              value={query}
              dir="auto"
              placeholder="iran OR tehran"
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
        </div>
        <p className="hint" role="status" data-testid="rule-preview">
          {preview === null
            ? 'Type a tag and a search to see what the rule would do.'
            : 'error' in preview
              ? preview.error
              : `${plural(preview.matched, 'article')} match; ${plural(preview.wouldTag, 'article')} would get the tag.`}
        </p>
        <div className="dialog-actions">
          {editing && (
            <button type="button" className="button" onClick={reset}>
              Cancel edit
            </button>
          )}
          <button type="submit" className="button primary" disabled={!ready}>
            {editing ? 'Save rule' : 'Add rule'}
          </button>
        </div>
      </form>
    </section>
  );
}
