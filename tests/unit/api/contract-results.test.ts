// The contract's result schemas tell the truth: every call of the real handler table, over a
// real library, answers a value its result schema accepts unchanged (no missing, mistyped or
// undeclared fields), and every event it sends matches its payload schema.
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers, type ApiHandlers } from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import {
  API_METHODS,
  apiContract,
  apiEventContract,
  type ApiArgs,
  type ApiEvent,
  type ApiEvents,
  type ApiMethod,
  type ApiResult,
} from '../../../main/contract/api-contract';
import { openLibrary } from '../../../main/core/library';
import { SettingsStore } from '../../../main/core/settings-store';
import { article, writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';
import { repoRoot } from '../../support/shared-data';

/** What earlier calls returned that later calls need. */
interface State {
  src: string;
  ids: string[];
  snapshot: ApiResult<'removeTags'> | null;
  highlight: string;
  removed: ApiResult<'removeHighlight'> | null;
  /** A group of versions listVersions found. */
  group: string[];
  collections: ApiResult<'renameCollection'> | null;
}

/** A story of many sentences, and a version of it with one sentence cut and one added. */
const storySentences = Array.from(
  { length: 24 },
  (_, i) => `Report ${i} on the quay counts ${i * 7} crates and ${i * 3 + 1} cranes today.`,
);
const story = `Quay report\n\n${storySentences.join(' ')}\n`;
const storyUpdated = `Quay report, updated\n\n${[
  ...storySentences.slice(1),
  'A late crate arrived.',
].join(' ')}\n`;

/** One call of every method, in the order they run; the mapped type makes the list complete. */
const steps: { [M in ApiMethod]: (s: State) => ApiArgs<M> } = {
  importPaths: (s) => ({ importId: 'paths', paths: [s.src] }),
  importContents: () => ({
    importId: 'contents',
    files: [
      {
        name: 'dropped.txt',
        data: new TextEncoder().encode(article(90, 'A dropped harbour note')),
      },
      { name: 'empty.txt', data: new Uint8Array(0) },
    ],
  }),
  importSample: () => ({ importId: 'sample' }),
  cancelImport: () => ({ importId: 'not-running' }),
  listArticles: () => ({ sort: 'title', limit: 50 }),
  getArticle: (s) => ({ id: s.ids[0]!, highlight: 'harbour' }),
  search: () => ({ query: 'harbour', limit: 20 }),
  related: (s) => ({ id: s.ids[0]!, limit: 5 }),
  listVersions: () => ({}),
  entityFacets: () => ({ view: 'all', query: 'the', prefix: '' }),
  listEntities: () => ({ type: 'place' }),
  timeline: () => ({ view: 'all', query: 'the', from: '1900-01-01' }),
  articleVersions: (s) => ({ id: s.group[0]! }),
  compareVersions: (s) => ({ id: s.group[0]!, other: s.group[1]! }),
  setMainVersion: (s) => ({ id: s.group[1]! }),
  addTags: (s) => ({
    ids: s.ids.slice(0, 3),
    tags: ['Iran', 'می\u200cخواهم', '👩\u200d👩\u200d👧'],
  }),
  removeTags: (s) => ({ ids: [s.ids[0]!], tags: ['Iran'] }),
  restoreTags: (s) => s.snapshot!,
  listTags: () => ({}),
  tagsOf: (s) => ({ ids: s.ids.slice(0, 3) }),
  renameTag: () => ({ from: 'Iran', to: 'Persia' }),
  deleteTag: () => ({ name: 'Persia' }),
  setRead: (s) => ({ ids: [s.ids[0]!], read: true }),
  setFavourite: (s) => ({ ids: [s.ids[1]!], favourite: true }),
  setPosition: (s) => ({ id: s.ids[0]!, position: 0.4 }),
  addHighlight: (s) => ({ id: s.ids[0]!, start: 0, end: 12, note: 'نکته: a note', color: 'blue' }),
  updateHighlight: (s) => ({ id: s.highlight, note: 'changed' }),
  listHighlights: () => ({}),
  exportHighlights: () => ({ color: 'blue' }),
  exportMarkdown: (s) => ({ ids: [s.ids[0]!, s.ids[1]!] }),
  exportArticles: (s) => ({ exportId: 'export', format: 'jsonl', scope: { ids: [s.ids[0]!] } }),
  cancelExport: () => ({ exportId: 'not-running' }),
  cancelBackup: () => ({ runId: 'not-running' }),
  removeHighlight: (s) => ({ id: s.highlight }),
  restoreHighlight: (s) => s.removed!,
  trash: (s) => ({ ids: [s.ids[1]!, s.ids[2]!] }),
  restore: (s) => ({ ids: [s.ids[1]!] }),
  purge: (s) => ({ ids: [s.ids[2]!] }),
  emptyTrash: () => ({}),
  showInFolder: (s) => ({ id: s.ids[0]! }),
  stats: () => ({ hideVersions: true }),
  check: () => ({}),
  listCollections: () => ({}),
  renameCollection: () => ({ from: 'sub', to: 'Harbour files' }),
  restoreCollections: (s) => s.collections!,
  putSavedSearch: () => ({
    name: 'Harbour news',
    query: 'harbour',
    filters: { view: 'all', collection: 'sub', from: '1990-01-01', sort: 'date' },
  }),
  listSavedSearches: () => ({}),
  runSavedSearch: () => ({ name: 'harbour NEWS', limit: 5 }),
  reorderSavedSearches: () => ({ names: ['Harbour news'] }),
  removeSavedSearch: () => ({ name: 'Harbour news' }),
  previewTagRule: () => ({ tag: 'Port', query: 'harbour' }),
  putTagRule: () => ({ tag: 'Port', query: 'harbour OR lanterns' }),
  listTagRules: () => ({}),
  removeTagRule: () => ({ tag: 'port' }),
  listWatchedFolders: () => ({}),
  addWatchedFolder: (s) => ({ path: join(s.src, 'sub') }),
  watchStatus: () => ({}),
  removeWatchedFolder: (s) => ({ path: join(s.src, 'sub') }),
  getSettings: () => ({}),
  setSettings: () => ({ fontSize: 20, theme: 'sepia' }),
};

/** Further calls that reach fields the first pass leaves out. */
const extras: { [M in ApiMethod]?: (s: State) => ApiArgs<M> } = {
  search: () => ({ query: 'harbor~1 lant*', sort: 'date', tags: ['👩\u200d👩\u200d👧'] }),
  listArticles: () => ({ view: 'favourites', tags: ['می\u200cخواهم'] }),
  getArticle: (s) => ({ id: s.ids[1]! }),
  stats: () => ({}),
  putSavedSearch: () => ({ name: 'Everything in sub', query: '', filters: { collection: 'SUB' } }),
  runSavedSearch: () => ({ name: 'everything in SUB' }),
  articleVersions: (s) => ({ id: s.ids[0]! }),
  addHighlight: (s) => ({ id: s.ids[0]!, text: 'a', occurrence: 2 }),
  listHighlights: (s) => ({ articleId: s.ids[0]!, trashed: true }),
};

/** Parses `value` with `schema` and expects it back unchanged, naming the failing call. */
function expectExact(label: string, schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    expect.fail(`${label} answered what its schema refuses: ${parsed.error.message}`);
  }
  expect(parsed.data, `${label}: the schema dropped or changed fields`).toEqual(value);
}

describe('the contract over the real handler table', () => {
  const base = tempDir('ar-contract-');
  const events: { event: ApiEvent; payload: unknown }[] = [];
  const emit = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) =>
    events.push({ event, payload });
  const slot = new EngineSlot(emit);
  let handlers: ApiHandlers;
  const state: State = {
    src: join(base, 'src'),
    ids: [],
    snapshot: null,
    highlight: '',
    removed: null,
    group: [],
    collections: null,
  };

  beforeAll(async () => {
    writeArticles(state.src, {
      'harbour.txt': article(1, 'Harbour lanterns glow again'),
      'copper.txt': article(2, 'Copper prices rise'),
      'sub/meadow.md': article(3, 'Violin festival in the meadow'),
      'sub/copper-again.txt': article(2, 'Copper prices rise'),
      'sub/latin1.txt': new Uint8Array([
        ...new TextEncoder().encode('Caf'),
        0xe9,
        ...new TextEncoder().encode(' au port\n\nLe harbour de la ville, un caf'),
        0xe9,
        ...new TextEncoder().encode(' et des bateaux.\n'),
      ]),
      'zz-story.txt': story,
      'sub/zz-story-updated.txt': storyUpdated,
      'sub/picture.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    await slot.set(await openLibrary(join(base, 'lib')));
    const store = new SettingsStore(join(base, 'settings.json'));
    handlers = createHandlers({
      getEngine: () => slot.get(),
      settings: { get: () => store.load(), update: (patch) => store.update(patch) },
      sampleDir: resolve(repoRoot, 'resources', 'samples'),
      emit,
      paths: new PathGrants([state.src]),
      progressIntervalMs: 0,
      reveal: () => undefined,
      chooseExportPath: async (request) =>
        join(tempDir('ar-contract-export-'), request.suggestedName),
    });
  });

  afterAll(async () => {
    await slot.clear();
  });

  it('answers every call with what its result schema describes', async () => {
    const run = async <M extends ApiMethod>(method: M, args: ApiArgs<M>, label: string) => {
      const response = await dispatch(
        handlers,
        method,
        args,
        { transport: 'test' },
        {
          internal: (_method, error) => expect.fail(`${label} threw: ${String(error)}`),
        },
      );
      if (!response.ok) expect.fail(`${label} failed: ${response.error.message}`);
      expectExact(label, apiContract[method].result, response.value);
      return response.value as ApiResult<M>;
    };
    const ran: string[] = [];
    for (const method of Object.keys(steps) as ApiMethod[]) {
      const value = await run(method, steps[method](state) as never, method);
      ran.push(method);
      if (method === 'importPaths') {
        const summary = value as ApiResult<'importPaths'>;
        state.ids = summary.imported.map((a) => a.id);
        expect(state.ids.length).toBeGreaterThanOrEqual(3);
      }
      if (method === 'listVersions')
        state.group = (value as ApiResult<'listVersions'>).groups[0]!.ids;
      if (method === 'removeTags') state.snapshot = value as ApiResult<'removeTags'>;
      if (method === 'renameCollection') {
        state.collections = value as ApiResult<'renameCollection'>;
      }
      if (method === 'addHighlight') state.highlight = (value as ApiResult<'addHighlight'>).id;
      if (method === 'removeHighlight') state.removed = value as ApiResult<'removeHighlight'>;
    }
    for (const method of Object.keys(extras) as ApiMethod[]) {
      await run(method, extras[method]!(state) as never, `${method} (second call)`);
    }
    expect(ran.sort()).toEqual([...API_METHODS].sort());
  });

  it('sends events that match their payload schemas', () => {
    expect(events.map((e) => e.event)).toContain('importProgress');
    expect(events.map((e) => e.event)).toContain('libraryChanged');
    for (const { event, payload } of events) {
      expectExact(`the ${event} event`, apiEventContract[event], payload);
    }
  });

  it('answers a library switch with a libraryChanged event its schema accepts', async () => {
    const before = events.length;
    await slot.set(await openLibrary(join(base, 'other-lib')));
    const sent = events.slice(before);
    expect(sent).toEqual([{ event: 'libraryChanged', payload: { reason: 'switch' } }]);
    expectExact('libraryChanged', apiEventContract.libraryChanged, sent[0]!.payload);
  });
});
