// A minimal in-memory SearchIndexApi for facade tests that do not exercise search itself.
import type { EngineDeps } from '../../../main/core/library/library-engine';
import type {
  ExpectedRevisions,
  IndexDoc,
  SearchIndexApi,
  SearchIndexOptions,
} from '../../../main/core/search/types';

export class FakeIndex implements SearchIndexApi {
  readonly docs = new Map<string, IndexDoc>();
  upserts = 0;
  opened = false;
  constructor(readonly options: SearchIndexOptions) {}
  async open(expected: ExpectedRevisions): Promise<void> {
    const revs: [string, number][] = [];
    expected.forEach((rev, id) => revs.push([id, rev]));
    for (const [id, rev] of revs) {
      if (this.docs.get(id)?.rev === rev) continue;
      const doc = await this.options.loadDoc(id);
      if (doc) this.docs.set(id, doc);
    }
    this.opened = true;
  }
  async upsert(docs: IndexDoc[]): Promise<void> {
    this.upserts++;
    for (const d of docs) this.docs.set(d.id, d);
  }
  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.docs.delete(id);
  }
  async search(): Promise<never> {
    throw new Error('FakeIndex does not search');
  }
  highlight(): [] {
    return [];
  }
  stats() {
    return { ready: this.opened, segments: 1, documents: this.docs.size };
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Engine dependencies with the fake index; `indexes` collects every index created. */
export function fakeDeps(): EngineDeps & { indexes: FakeIndex[] } {
  const indexes: FakeIndex[] = [];
  return {
    indexes,
    createIndex: (options) => {
      const index = new FakeIndex(options);
      indexes.push(index);
      return index;
    },
    makeSnippet: (text) => ({ snippet: text.slice(0, 100), matches: [] }),
  };
}
