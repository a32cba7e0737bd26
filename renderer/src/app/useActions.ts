// Every change the UI makes to articles and tags, each followed by a notice and, where
// the change can be undone, an Undo button.
import { useMemo } from 'react';
import type { TagSnapshot } from '../../../main/contract/types';
import { errorMessage } from '../../../main/contract/error-message';
import { getClient } from '../api/client';
import type { ReaderActions } from '../reader/Reader';
import { plural } from '../shared/format';
import { highlightActions } from '../highlights/highlight-actions';

type Push = (message: string, undo?: () => Promise<unknown> | void) => void;

export interface AppActions extends ReaderActions {
  /** `merge`: `to` is another existing tag, so the two become one. */
  renameTag(from: string, to: string, merge?: boolean): void;
  deleteTag(name: string): void;
  /** Resolves once the trash is empty (or the failure was shown). */
  emptyTrash(): Promise<void>;
  /** Deletes these trashed articles for good; resolves once done (or the failure was shown). */
  purge(ids: string[]): Promise<void>;
}

// Names inside a sentence are bidi-isolated (FSI…PDI), so an Arabic tag keeps its quotes.
const named = (name: string) => `“\u2068${name}\u2069”`;

const articles = (ids: string[]) =>
  ids.length === 1 ? 'the article' : plural(ids.length, 'article');

/** The app's article and tag changes, each reported with a notice. */
export function useActions(push: Push): AppActions {
  return useMemo(() => {
    const api = getClient();
    const run = <T>(work: Promise<T>, done?: (value: T) => void): Promise<void> =>
      work.then(done, (e: unknown) => push(errorMessage(e))).then(() => undefined);
    const undoTags = (snapshot: TagSnapshot) => () => api.call('restoreTags', snapshot);
    return {
      ...highlightActions(api, push),
      addTags: (ids, tags) =>
        run(api.call('addTags', { ids, tags }), (snap) =>
          ids.length > 1
            ? push(`Tagged ${articles(ids)} ${named(tags.join(', '))}`, undoTags(snap))
            : undefined,
        ),
      removeTags: (ids, tags) =>
        run(api.call('removeTags', { ids, tags }), (snap) =>
          push(`Removed ${named(tags.join(', '))} from ${articles(ids)}`, undoTags(snap)),
        ),
      setFavourite: (ids, favourite) => run(api.call('setFavourite', { ids, favourite })),
      setRead: (ids, read) => run(api.call('setRead', { ids, read })),
      setPosition: (id, position) =>
        api.call('setPosition', { id, position }).then(
          () => true,
          (e: unknown) => {
            push(`The reading position was not saved: ${errorMessage(e)}`);
            return false;
          },
        ),
      trash: (ids) =>
        run(api.call('trash', { ids }), () =>
          push(`Moved ${articles(ids)} to the trash`, () => api.call('restore', { ids })),
        ),
      restore: (ids) =>
        run(api.call('restore', { ids }), () =>
          push(`Restored ${articles(ids)}`, () => api.call('trash', { ids })),
        ),
      renameTag: (from, to, merge = false) =>
        run(api.call('renameTag', { from, to }), (snap) =>
          push(
            merge
              ? `Merged ${named(from)} into ${named(to)}`
              : `Renamed ${named(from)} to ${named(to)}`,
            undoTags(snap),
          ),
        ),
      deleteTag: (name) =>
        run(api.call('deleteTag', { name }), (snap) =>
          push(`Deleted tag ${named(name)}`, undoTags(snap)),
        ),
      notify: (message) => push(message),
      showInFolder: (id) => run(api.call('showInFolder', { id })),
      emptyTrash: () =>
        run(api.call('emptyTrash', {}), (r) =>
          push(`Deleted ${plural(r.removed, 'article')} for good`),
        ),
      purge: (ids) =>
        run(api.call('purge', { ids }), (r) =>
          push(
            `Deleted ${r.removed === 1 ? 'the article' : plural(r.removed, 'article')} for good`,
          ),
        ),
    };
  }, [push]);
}
