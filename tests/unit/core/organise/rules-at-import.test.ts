// Tagging rules decide each new article's tags before its file is written. The tags decided at
// import must be exactly those `rule add` gives over the index afterwards, for every kind of
// query, and a matched article must be written once, not rewritten.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../../../../main/core/library';
import type { LibraryEngine } from '../../../../main/core/engine';
import type { ImportSource } from '../../../../main/contract/types';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { article, writeArticles } from '../library-helpers';
import { QueryJudge } from '../../../../main/core/search/query/query-judge';
import { DocQuery } from '../../../../main/core/search/query/doc-matcher';
import { TagRules } from '../../../../main/core/organise/tag-rules';
import { JsonFileStore } from '../../../../main/core/organise/json-file-store';
import { SearchIndex } from '../../../../main/core/search/segmented-index';
import { sourceWorkerScript } from '../../../../main/core/workers/worker-entries';
import type { OpenOptions } from '../../../../main/core/engine';
import { tempDir } from '../tmp-dir';

const workerOptions: OpenOptions = {
  workerScript: sourceWorkerScript(resolve(__dirname, '..', '..', '..', '..'), 'index-worker'),
  workerExecArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};

const text = (title: string, ...paragraphs: string[]) => `${title}\n\n${paragraphs.join('\n\n')}\n`;

// Several languages (so that stems differ by language), collections, dates, a dateline.
const FILES: Record<string, string> = {
  'business/oil1.txt': text(
    'Oil prices climb',
    'LONDON, March 3 - Crude oil prices rose sharply as the economy recovered.',
    'Economists expect more gains. Published: 3 March 2004',
  ),
  'business/gas.txt': text(
    'Gas and power',
    'Natural gas prices fell while oil stayed flat. The government announced a budget.',
  ),
  'business/bank.txt': text(
    'Central bank holds rates',
    'The central bank kept interest rates unchanged; economic growth slowed.',
    'Published: 12 June 2011',
  ),
  'sport/final.txt': text(
    'Cup final tonight',
    'The team trains for the final. Oil money funds the club.',
  ),
  'sport/greene.txt': text(
    'Greene scores twice',
    'Maurice Greene ran the fastest race of the season.',
  ),
  'sport/green.txt': text('Green fields', 'The green pitch was watered before the game.'),
  'tech/chips.txt': text(
    'Chip makers report profits',
    'Goverment subsidies helped chip makers; the economic outlook is bright.',
  ),
  'world/ar-oil.txt': text(
    'ارتفاع أسعار النفط',
    'ارتفعت أسعار النفط في الأسواق العالمية اليوم بعد قرار أوبك خفض الإنتاج.',
  ),
  'world/ar-budget.txt': text(
    'الحكومة تعلن الميزانية',
    'أعلنت الحكومة عن ميزانية جديدة للعام المقبل تتضمن دعم الاسعار والوقود.',
  ),
  'world/fr-oil.txt': text(
    'Les prix du pétrole',
    'Les prix du pétrole ont augmenté cette semaine selon les économistes du gouvernement.',
  ),
  'world/fr-banks.txt': text(
    'Nationalisation des banques',
    'Le gouvernement annonce la nationalisation des banques nationales.',
  ),
  'world/de-oil.txt': text(
    'Ölpreise steigen',
    'Die Ölpreise steigen weiter, sagen die Ökonomen der Regierung in Berlin.',
  ),
  'summit.txt': text('Running late', 'He was running late for the economic summit in Paris.'),
};

// Fields, phrases, quoted words, prefix, fuzzy, tag:, has:, note:, collection:, date:,
// negation, alternatives, exclusion only, names, Arabic and French spellings, a pasted passage.
const QUERIES = [
  'oil',
  'title:oil',
  'body:oil',
  '"crude oil"',
  '"oil prices"',
  'body:"oil prices"',
  '"Greene"',
  'green',
  'econ*',
  'nation*',
  'goverment~1',
  'oil -prices',
  '-oil',
  'NOT collection:sport',
  '(oil OR gas) prices',
  'oil OR bank',
  'economic growth',
  'collection:sport',
  '-collection:sport oil',
  'collection:world',
  'date:2004',
  'date:>2010',
  'date:2004 OR date:2011',
  'tag:energy',
  'tag:"middle east"',
  'tags:energy',
  'has:notes',
  'has:highlights',
  'note:budget',
  'highlight:farmers',
  'النفط',
  'أسعار',
  'اسعار',
  '"أسعار النفط"',
  'prix',
  'pétrole',
  'petrole',
  'gouvernement',
  'running',
  'nationale',
  'ölpreise',
  'place:london',
  'person:greene',
  'title:oil OR title:prix',
  [
    'farmers argue over water while the minister reviewed energy policy and oil imports after',
    'the central bank kept interest rates unchanged and economic growth slowed as crude oil',
    'prices rose sharply and the economy recovered in london',
  ].join(' '),
];

/** An export (JSON Lines) of two articles carrying tags, a highlight and a note. */
async function exportWithState(base: string): Promise<string> {
  const lib = await openLibrary(join(base, 'exporting'));
  try {
    const src = join(base, 'export-src');
    writeArticles(src, {
      'energy.txt': text(
        'Energy policy review',
        'The minister reviewed energy policy and oil imports.',
      ),
      'water.txt': text('Water rights', 'Farmers argue over water and the budget for canals.'),
    });
    const { imported } = await lib.importSources([{ path: src }]);
    const id = (title: string) => imported.find((a) => a.title === title)!.id;
    await lib.addTags([id('Energy policy review')], ['Energy']);
    await lib.addTags([id('Water rights')], ['Middle East']);
    await lib.addHighlight({
      id: id('Water rights'),
      text: 'Farmers argue',
      note: 'budget matters',
    });
    const out = join(base, 'export.jsonl');
    await lib.exportArticles({ format: 'jsonl', out, scope: {} });
    return out;
  } finally {
    await lib.close();
  }
}

/** Two source articles, one about a harbour, and a library with the rule Ports = harbour. */
async function harbourRuleLibrary(prefix: string): Promise<{ base: string; lib: LibraryEngine }> {
  const base = tempDir(prefix);
  writeArticles(join(base, 'src'), {
    'a.txt': text('Harbour strike', 'Dock workers walked out at the harbour.'),
    'b.txt': text('Mountain rescue', 'A climber was rescued from the ridge.'),
  });
  const lib = await openLibrary(join(base, 'lib'));
  await lib.putTagRule({ tag: 'Ports', query: 'harbour' });
  return { base, lib };
}

/** Per rule tag, the ids carrying it (sorted). */
async function tagged(lib: LibraryEngine): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const page = await lib.list({ limit: 1000 });
  for (const a of page.items) {
    for (const t of a.tags) if (t.startsWith('rule-')) (out[t] ??= []).push(a.id);
  }
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

interface Comparison {
  decided: Record<string, string[]>;
  searched: Record<string, string[]>;
  writes: Map<string, number>;
  judgedHere: number;
}

/**
 * Imports `files` and an export with state into a library holding the rules (tags decided at
 * import) and into one that gets the rules afterwards (`rule add`: a search over the index).
 */
async function compare(
  base: string,
  files: Record<string, string>,
  options: OpenOptions,
): Promise<Comparison> {
  writeArticles(join(base, 'src'), files);
  const sources: ImportSource[] = [
    { path: join(base, 'src') },
    { path: await exportWithState(base) },
  ];
  const writes = new Map<string, number>();
  let judgedHere = 0;
  const atImport = await openLibrary(join(base, 'at-import'), options);
  let decided: Record<string, string[]>;
  try {
    for (const [i, query] of QUERIES.entries()) {
      await atImport.putTagRule({ tag: `rule-${i}`, query });
    }
    const write = ArticleStore.prototype.write;
    vi.spyOn(ArticleStore.prototype, 'write').mockImplementation(function (
      this: ArticleStore,
      articles,
    ) {
      for (const a of articles) writes.set(a.record.id, (writes.get(a.record.id) ?? 0) + 1);
      return write.call(this, articles);
    });
    const judge = QueryJudge.prototype.judge;
    vi.spyOn(QueryJudge.prototype, 'judge').mockImplementation(function (
      this: QueryJudge,
      ...args: Parameters<QueryJudge['judge']>
    ) {
      judgedHere++;
      return judge.apply(this, args);
    });
    const summary = await atImport.importSources(sources);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(Object.keys(files).length + 2);
    decided = await tagged(atImport);
  } finally {
    vi.restoreAllMocks();
    await atImport.close();
  }
  const afterwards = await openLibrary(join(base, 'afterwards'), options);
  try {
    await afterwards.importSources(sources);
    for (const [i, query] of QUERIES.entries()) {
      await afterwards.putTagRule({ tag: `rule-${i}`, query });
    }
    return { decided, searched: await tagged(afterwards), writes, judgedHere };
  } finally {
    await afterwards.close();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('tagging rules at import', () => {
  it('tag exactly what `rule add` finds over the index afterwards, for every kind of query', async () => {
    const files = Object.keys(FILES).length + 2;
    const run = await compare(tempDir('ar-rules-import-'), FILES, {});
    // Every new article was written once, with its rule tags: none was rewritten.
    expect(Object.fromEntries([...run.writes].filter(([, n]) => n !== 1))).toEqual({});
    expect(run.writes.size).toBe(files);
    // Not a vacuous comparison: most rules find something, none finds everything.
    const found = Object.values(run.searched).filter((ids) => ids.length > 0 && ids.length < files);
    expect(found.length).toBeGreaterThan(QUERIES.length * 0.7);
    expect(run.decided).toEqual(run.searched);
  });

  it('judge alike when parse and index workers run the import', async () => {
    // More files than one parse batch, so that the parse worker is used, and than the first
    // chunks of an import (judged on an index worker without a build), so that a full chunk
    // is judged in its index build on an index worker.
    const more: Record<string, string> = { ...FILES };
    for (let n = 0; n < 560; n++) more[`filler/${n}.txt`] = article(n, `Filler oil report ${n}`);
    const files = Object.keys(more).length + 2;
    const run = await compare(tempDir('ar-rules-import-worker-'), more, workerOptions);
    expect(Object.fromEntries([...run.writes].filter(([, n]) => n !== 1))).toEqual({});
    expect(run.writes.size).toBe(files);
    expect(run.decided).toEqual(run.searched);
    // Every chunk, small or full, judged on an index worker: none on the importing thread.
    expect(run.judgedHere).toBe(0);
  });

  it('a matched article is written once, with its tag, and the rule records it', async () => {
    const { base, lib } = await harbourRuleLibrary('ar-rules-once-');
    try {
      const written: string[][] = [];
      const write = ArticleStore.prototype.write;
      vi.spyOn(ArticleStore.prototype, 'write').mockImplementation(function (
        this: ArticleStore,
        articles,
      ) {
        written.push(articles.map((a) => `${a.record.title}: ${a.record.tags.join(',')}`));
        return write.call(this, articles);
      });
      await lib.importSources([{ path: join(base, 'src') }]);
      expect(written.flat().sort()).toEqual(['Harbour strike: Ports', 'Mountain rescue: ']);
      // The index holds the tag too: tag: finds it without any rewrite.
      const hits = await lib.search({ query: 'tag:ports' });
      expect(hits.hits.map((h) => h.title)).toEqual(['Harbour strike']);
      // The rule knows it gave the tag: removing it takes the tag off.
      expect((await lib.removeTagRule({ tag: 'Ports' })).untagged).toBe(1);
    } finally {
      await lib.close();
    }
  });

  it("does not wait for the rules' record, which closing the library waits for", async () => {
    const { base, lib } = await harbourRuleLibrary('ar-rules-record-');
    let closed = false;
    try {
      // The record of what the rule tagged is held back until the import has returned.
      let release = () => {};
      const gate = new Promise<void>((done) => (release = done));
      let held = 0;
      const update = JsonFileStore.prototype.update;
      vi.spyOn(JsonFileStore.prototype, 'update').mockImplementation(function (
        this: JsonFileStore<unknown>,
        change,
      ) {
        held++;
        return update.call(this, async (doc) => {
          await gate;
          return change(doc);
        });
      });
      const summary = await lib.importSources([{ path: join(base, 'src') }]);
      expect(summary.imported).toHaveLength(2);
      expect(held).toBe(1);
      // Tagged, written and searchable already.
      const hits = await lib.search({ query: 'tag:ports' });
      expect(hits.hits.map((h) => h.title)).toEqual(['Harbour strike']);
      const closing = lib.close().then(() => (closed = true));
      await new Promise((done) => setTimeout(done, 50));
      expect(closed).toBe(false);
      release();
      await closing;
    } finally {
      vi.restoreAllMocks();
      if (!closed) await lib.close();
    }
    // The record was written before the library closed: the rule knows what it gave.
    const again = await openLibrary(join(base, 'lib'));
    try {
      expect((await again.removeTagRule({ tag: 'Ports' })).untagged).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('applies a rule added after the articles were written, before the index caught up', async () => {
    const { base, lib } = await harbourRuleLibrary('ar-rules-late-');
    try {
      // The index takes the new articles only a while after the last one is written.
      let release = () => {};
      const gate = new Promise<void>((done) => (release = done));
      const upsert = SearchIndex.prototype.upsert;
      vi.spyOn(SearchIndex.prototype, 'upsert').mockImplementation(async function (
        this: SearchIndex,
        ...args
      ) {
        await gate;
        return upsert.apply(this, args);
      });
      let added: Promise<unknown> = Promise.resolve();
      const begin = TagRules.prototype.beginImport;
      vi.spyOn(TagRules.prototype, 'beginImport').mockImplementation(async function (
        this: TagRules,
      ) {
        const tagging = await begin.call(this);
        return {
          ...tagging,
          done: () => {
            // Every article is written: the rules' record may be made now, and a rule added
            // meanwhile finds none of the new articles in the index yet.
            tagging.done();
            added = lib.putTagRule({ tag: 'Rescue', query: 'mountain' }).finally(release);
          },
        };
      });
      await lib.importSources([{ path: join(base, 'src') }]);
      await added;
      vi.restoreAllMocks();
      const hits = await lib.search({ query: 'tag:rescue' });
      expect(hits.hits.map((h) => h.title)).toEqual(['Mountain rescue']);
      // Both rules know what they gave: removing them takes the tags off.
      expect((await lib.removeTagRule({ tag: 'Rescue' })).untagged).toBe(1);
      expect((await lib.removeTagRule({ tag: 'Ports' })).untagged).toBe(1);
    } finally {
      await lib.close();
    }
  });

  it('never takes away or duplicates a tag an article brings, and skips the trash', async () => {
    const base = tempDir('ar-rules-own-');
    const out = await exportWithState(base);
    const lib = await openLibrary(join(base, 'lib'));
    try {
      await lib.putTagRule({ tag: 'energy', query: 'energy' });
      await lib.importSources([{ path: out }]);
      const page = await lib.list({ limit: 10 });
      const energy = page.items.find((a) => a.title === 'Energy policy review')!;
      expect(energy.tags).toEqual(['Energy']);
      // It carried the tag already, so the rule did not give it: removing the rule keeps it.
      await lib.removeTagRule({ tag: 'energy' });
      expect((await lib.get(energy.id)).tags).toEqual(['Energy']);
    } finally {
      await lib.close();
    }
  });

  it('checks against the index an answer a language arriving later in the import changes', async () => {
    const base = tempDir('ar-rules-late-language-');
    // Judged first, under French alone, "economic" does not find the French article; once the
    // English one is in, the index also searches its English stem "econom", which the French
    // "économistes" is indexed as.
    const [fr, en] = writeArticles(base, {
      'fr.txt': FILES['world/fr-oil.txt']!,
      'en.txt': text('Budget day', 'The economic outlook dominated the budget debate.'),
    });
    const sources = [{ path: fr! }, { path: en! }];
    const lib = await openLibrary(join(base, 'at-import'));
    const writes: string[] = [];
    try {
      await lib.putTagRule({ tag: 'Economy', query: 'economic' });
      const write = ArticleStore.prototype.write;
      vi.spyOn(ArticleStore.prototype, 'write').mockImplementation(function (
        this: ArticleStore,
        articles,
      ) {
        writes.push(...articles.map((a) => `${a.record.title}: ${a.record.tags.join(',')}`));
        return write.call(this, articles);
      });
      await lib.importSources(sources);
      vi.restoreAllMocks();
      const carrying = (await lib.list({ limit: 10 })).items.filter((a) =>
        a.tags.includes('Economy'),
      );
      expect(carrying.map((a) => a.title).sort()).toEqual(['Budget day', 'Les prix du pétrole']);
      // Only the French article needed a second write; the rule knows it tagged both.
      expect(writes.sort()).toEqual([
        'Budget day: Economy',
        'Les prix du pétrole: ',
        'Les prix du pétrole: Economy',
      ]);
      expect((await lib.removeTagRule({ tag: 'Economy' })).untagged).toBe(2);
    } finally {
      await lib.close();
    }
  });

  it('judges here, and indexes after the write, chunks whose index build or judging fails', async () => {
    const base = tempDir('ar-rules-prepare-fails-');
    const files: Record<string, string> = {};
    // More than the first chunks (224 articles), so that a full chunk of 256 is prepared.
    for (let n = 0; n < 500; n++) {
      files[`${n}.txt`] = article(n, n % 3 === 0 ? `Harbour report ${n}` : `Field report ${n}`);
    }
    writeArticles(join(base, 'src'), files);
    const lib = await openLibrary(join(base, 'lib'));
    try {
      await lib.putTagRule({ tag: 'Ports', query: 'harbour' });
      let prepared = 0;
      let judged = 0;
      vi.spyOn(SearchIndex.prototype, 'prepare').mockImplementation(() => {
        prepared++;
        return Promise.reject(new Error('a build that fails'));
      });
      vi.spyOn(SearchIndex.prototype, 'judge').mockImplementation(() => {
        judged++;
        return Promise.reject(new Error('a judging that fails'));
      });
      const summary = await lib.importSources([{ path: join(base, 'src') }]);
      vi.restoreAllMocks();
      expect(prepared).toBeGreaterThan(0);
      expect(judged).toBeGreaterThan(0);
      expect(summary.failed).toEqual([]);
      expect(summary.imported).toHaveLength(500);
      // Every article is searchable and every harbour report carries the rule's tag.
      expect((await lib.search({ query: 'report', limit: 1 })).total).toBe(500);
      const ports = await lib.search({ query: 'tag:ports', limit: 1 });
      expect(ports.total).toBe(167);
      expect((await lib.search({ query: 'harbour', limit: 1 })).total).toBe(167);
      expect((await lib.removeTagRule({ tag: 'Ports' })).untagged).toBe(167);
    } finally {
      await lib.close();
    }
  });

  it('leaves the answer to the index when judging an article fails, never failing the import', async () => {
    const { base, lib } = await harbourRuleLibrary('ar-rules-judge-fails-');
    try {
      vi.spyOn(DocQuery.prototype, 'matches').mockImplementation(() => {
        throw new Error('a bug in the matcher');
      });
      const summary = await lib.importSources([{ path: join(base, 'src') }]);
      vi.restoreAllMocks();
      expect(summary.failed).toEqual([]);
      const tagged = (await lib.list({ limit: 10 })).items.filter((a) => a.tags.includes('Ports'));
      expect(tagged.map((a) => a.title)).toEqual(['Harbour strike']);
      expect((await lib.removeTagRule({ tag: 'Ports' })).untagged).toBe(1);
    } finally {
      await lib.close();
    }
  });
});
