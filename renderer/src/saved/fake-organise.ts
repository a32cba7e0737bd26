// A fake main process for the organising components' tests: saved searches, collections and
// tagging rules in memory, answering the contract's calls and recording them.
import type { ApiMethod } from '../../../main/contract/api-contract';
import type { CollectionCount, SavedSearch, TagRuleCount } from '../../../main/contract/organise';
import { createClient, setClient } from '../api/client';

export interface FakeOrganise {
  saved: SavedSearch[];
  counts: Map<string, number>;
  collections: CollectionCount[];
  rules: TagRuleCount[];
  calls: { method: ApiMethod; args: unknown }[];
}

/** Installs the fake as the app-wide client. */
export function installFakeOrganise(initial: Partial<FakeOrganise> = {}): FakeOrganise {
  const state: FakeOrganise = {
    saved: [],
    counts: new Map(),
    collections: [],
    rules: [],
    calls: [],
    ...initial,
  };
  const key = (s: string) => s.toLowerCase();
  const answer = (method: ApiMethod, args: Record<string, unknown>): unknown => {
    switch (method) {
      case 'listSavedSearches':
        return { saved: state.saved.map((s) => ({ ...s, count: state.counts.get(s.name) ?? 0 })) };
      case 'putSavedSearch': {
        const { previous, position, ...entry } = args as SavedSearch & {
          previous?: string;
          position?: number;
        };
        const at = previous ? state.saved.findIndex((s) => key(s.name) === key(previous)) : -1;
        if (at >= 0) state.saved[at] = entry;
        else state.saved.splice(position ?? state.saved.length, 0, entry);
        return { ...entry, count: state.counts.get(entry.name) ?? 0 };
      }
      case 'removeSavedSearch': {
        const at = state.saved.findIndex((s) => key(s.name) === key(String(args.name)));
        const [removed] = state.saved.splice(at, 1);
        return { removed, position: at };
      }
      case 'reorderSavedSearches': {
        const names = args.names as string[];
        state.saved.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
        return null;
      }
      case 'listCollections':
        return state.collections;
      case 'renameCollection': {
        const from = String(args.from);
        const to = String(args.to);
        const before = state.collections.map((c) => ({ ...c }));
        state.collections = state.collections.map((c) =>
          c.name === from ? { ...c, name: to } : c,
        );
        return {
          entries: before.map((c, i) => ({ id: `${i}`.padStart(16, '0'), collection: c.name })),
        };
      }
      case 'restoreCollections':
        return null;
      case 'listTagRules':
        return { rules: state.rules };
      case 'previewTagRule':
        return { matched: 3, wouldTag: 2 };
      case 'putTagRule': {
        const rule = { tag: String(args.tag), query: String(args.query), matched: 3 };
        state.rules = [
          ...state.rules.filter((r) => key(r.tag) !== key(String(args.previous ?? args.tag))),
          rule,
        ];
        return { tagged: 2, untagged: 0, matched: 3 };
      }
      case 'removeTagRule':
        state.rules = state.rules.filter((r) => key(r.tag) !== key(String(args.tag)));
        return { tagged: 0, untagged: 2, matched: 0 };
      default:
        return {};
    }
  };
  setClient(
    createClient({
      call: (method, args) => {
        state.calls.push({ method, args });
        return Promise.resolve({
          ok: true,
          value: answer(method, args as Record<string, unknown>) as never,
        });
      },
      on: () => () => undefined,
      pathsForFiles: () => [],
    }),
  );
  return state;
}

/** jsdom has no modal dialogs: opening one marks it open, so what is in it can be found. */
export function polyfillDialog(): void {
  const proto = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
  proto.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}
