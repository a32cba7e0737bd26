// A fake main process for component tests: a few articles in memory, every call recorded,
// and any call made to fail on demand.
import type { ApiEvent, ApiEvents, ApiMethod } from '../../../main/contract/api-contract';
import { DEFAULT_SETTINGS } from '../../../main/contract/settings';
import type { ArticleMeta, ArticleView, LibraryStats } from '../../../main/contract/types';
import { createClient, setClient } from '../api/client';
import { fakeHighlightCall } from '../highlights/fake-highlights';

export interface FakeCall {
  method: ApiMethod;
  args: unknown;
}

/** An article as the engine would hold it; `n` makes the id, the title and the text differ. */
export function fakeArticle(n: number, patch: Partial<ArticleView> = {}): ArticleView {
  const id = n.toString(16).padStart(16, '0');
  const body = `Body of article ${n}.\n\nA second paragraph of article ${n}.`;
  return {
    id,
    title: `Article ${n}`,
    place: null,
    language: 'en',
    wordCount: 12,
    readingMinutes: 1,
    encoding: 'UTF-8',
    sourceName: `a${n}.txt`,
    sourcePath: null,
    byteLength: body.length,
    importedAt: '2024-01-01T00:00:00.000Z',
    articleDate: null,
    tags: [],
    read: false,
    favourite: false,
    position: 0,
    trashedAt: null,
    excerpt: body.slice(0, 40),
    dateline: null,
    body,
    original: body,
    matches: [],
    titleMatches: [],
    highlights: [],
    versions: [],
    entities: { people: [], organisations: [], places: [] },
    ...patch,
  };
}

const metaOf = (a: ArticleView): ArticleMeta => {
  const { dateline: _d, body: _b, original: _o, matches: _m, titleMatches: _t, ...rest } = a;
  const { highlights: _h, versions: _v, ...meta } = rest;
  return meta;
};

/**
 * Installs a fake main holding `articles` as the app-wide client; returns its controls. The
 * list shows `listed` when given (a copy older than what the reader loads).
 */
export function installFakeMain(articles: ArticleView[], listed: ArticleView[] = articles) {
  const calls: FakeCall[] = [];
  const failing = new Map<ApiMethod, string>();
  const listeners = new Map<ApiEvent, Set<(p: unknown) => void>>();
  const stats = (): LibraryStats => ({
    libraryPath: '/library',
    articles: articles.length,
    unread: articles.filter((a) => !a.read).length,
    favourites: articles.filter((a) => a.favourite).length,
    trash: 0,
    tags: [],
    places: [],
    languages: [],
    totalBytes: 0,
    index: { ready: true, segments: 1, documents: articles.length },
  });
  const answer = (method: ApiMethod, args: unknown): unknown => {
    switch (method) {
      case 'getSettings':
        return { ...DEFAULT_SETTINGS };
      case 'stats':
        return stats();
      case 'listArticles':
        return { total: listed.length, offset: 0, items: listed.map(metaOf) };
      case 'getArticle':
        return articles.find((a) => a.id === (args as { id: string }).id);
      case 'tagsOf': {
        const ids = new Set((args as { ids: string[] }).ids);
        const counts = new Map<string, number>();
        for (const a of articles.filter((x) => ids.has(x.id))) {
          for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
        }
        return [...counts].map(([name, count]) => ({ name, count }));
      }
      case 'addHighlight':
      case 'updateHighlight':
      case 'removeHighlight':
      case 'restoreHighlight':
      case 'listHighlights':
      case 'exportHighlights':
      case 'exportMarkdown':
        return fakeHighlightCall(articles, method, args);
      case 'purge':
        return { removed: (args as { ids: string[] }).ids.length };
      case 'listCollections':
        return [];
      case 'listSavedSearches':
        return { saved: [] };
      case 'listTagRules':
        return { rules: [] };
      default:
        return {};
    }
  };
  const client = createClient({
    call: (method, args) => {
      calls.push({ method, args });
      const failure = failing.get(method);
      if (failure !== undefined) {
        return Promise.resolve({ ok: false, error: { code: 'IO', message: failure } });
      }
      const value = answer(method, args);
      if (value === undefined) {
        return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: 'Not found' } });
      }
      return Promise.resolve({ ok: true, value: value as never });
    },
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (p: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (p: unknown) => void);
    },
    pathsForFiles: () => [],
  });
  setClient(client);
  return {
    calls,
    /** The arguments of every call of `method`, in order. */
    argsOf: (method: ApiMethod) => calls.filter((c) => c.method === method).map((c) => c.args),
    /** Makes every later call of `method` fail with `message`. */
    fail: (method: ApiMethod, message: string) => failing.set(method, message),
    emit: <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
      listeners.get(event)?.forEach((l) => l(payload)),
  };
}

/** jsdom lays nothing out: gives the list's scroller a height so virtual rows render. */
export function giveListHeight(height = 800): () => void {
  const original = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
  Object.defineProperty(Element.prototype, 'clientHeight', {
    configurable: true,
    get(this: Element) {
      return this.classList.contains('list-scroller') ? height : 0;
    },
  });
  return () => {
    if (original) Object.defineProperty(Element.prototype, 'clientHeight', original);
  };
}
