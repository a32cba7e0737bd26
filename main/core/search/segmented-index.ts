// The search index: LSM-style segments built by Lunr and kept as compact postings. Upserts
// become small fresh segments at once; background merges (on worker threads when a worker
// script is given) fold them into larger ones without re-reading any article; a live map
// (id → segment) acts as the tombstone list. See docs/search.md.
import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import { ArchiveError, QueryError } from '../errors';
import type { ArticleId, TextRange } from '../../contract/types';
import type { SegmentPayload } from './segments/build-segment';
import { highlightClauses } from './query/highlight';
import {
  matchedWords,
  POSITION_LOOKUPS,
  rangesOfWords,
  scanMatches,
  snippetPlan,
  type MatchedRanges,
  type MatchedWords,
  type SnippetPlan,
} from './query/matched-words';
import { IndexPersister } from './storage/index-persister';
import { DEFAULT_TUNING, type IndexTuning } from './tuning';
import { pickMerge } from './segments/merge-policy';
import {
  clearIndexDir,
  readManifest,
  readSegmentDocs,
  readVerifiedBytes,
  INDEX_FORMAT,
  type SegmentEntry,
} from './storage/persistence';
import { PostingIndex } from './segments/posting-index';
import { isBagOfWords, parseQuery, type Clause, type TermClause } from './query/query-parser';
import { anyWord, correctSpelling, type Spelt } from './query/spelling';
import { evaluate } from './query/query-eval';
import { likeDocuments, likeTerms } from './query/more-like-this';
import { stemLanguage } from './analysis/analyzer';
import { SavedPostings } from './storage/saved-postings';
import { ExpansionCache } from './query/expansion-cache';
import { QueryBudget, unlimitedBudget } from './query/query-budget';
import { expansionLimits } from './query/expansions';
import { Segment } from './segments/segment';
import { SegmentSet } from './segments/segment-set';
import type {
  ExpectedRevisions,
  IndexDoc,
  IndexProgress,
  IndexSearchResult,
  PreparedDocs,
  SearchIndexApi,
  SearchIndexOptions,
  QueryOptions,
} from './types';
import { validateDocs, validateJudged } from './segments/validate';
import { addJudgedLanguages, type Judging, type QueryVerdicts } from './query/query-judge';

export type { IndexTuning } from './tuning';
import { loadValidDocs } from './storage/store-docs';
import { TaskRunner } from './workers/task-runner';
import type { MergeTaskPart } from './workers/worker-protocol';

export class SearchIndex implements SearchIndexApi {
  private readonly set = new SegmentSet();
  private nextSeq = 1;
  private buildsInFlight = 0;
  // When a build last began or ended (or the index was made), and the timer that looks for
  // merges once the index has been quiet long enough to reclaim dead documents (see
  // scheduleMerge): what a session left dead waits for the opening's own work to pass too.
  private lastBuildAt = performance.now();
  private quietTimer: NodeJS.Timeout | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private merging: Promise<void> | null = null;
  private loading: Promise<void> | null = null;
  private backgroundError: unknown = null;
  private opened = false;
  private closed = false;
  // Closing: what waits for quiet (reclaiming dead documents) runs now.
  private closing = false;
  private readonly tasks: TaskRunner;
  private readonly tuning: IndexTuning;
  private readonly persister: IndexPersister;
  private readonly expansions = new ExpansionCache();
  // Documents whose build failed on their own (see build()): id → rev and reason.
  private readonly failed = new Map<ArticleId, { rev: number; reason: string }>();
  // Index files found damaged since open; their documents are re-indexed from the articles.
  private readonly damage: { path: string; reason: string }[] = [];
  // Segments whose postings are read from their saved files on demand.
  private readonly saved: SavedPostings;

  constructor(
    private readonly options: SearchIndexOptions,
    tuning: Partial<IndexTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.tasks = new TaskRunner(options.workerScript, options.workerExecArgv ?? []);
    this.persister = new IndexPersister(
      options.dir,
      this.set,
      () => this.nextSeq,
      this.tuning.persistDelayMs,
      options.readOnly ?? false,
      () => this.saved.settle(),
    );
    this.saved = new SavedPostings(options.dir, this.tuning.fileBackedQuietMs, {
      idle: () => this.buildsInFlight === 0 && this.merging === null,
      saved: () => this.savedSegments(),
    });
  }

  /** Loads persisted segments (lazily) and reconciles them with `expected` (id → rev). */
  async open(expected: ExpectedRevisions, onProgress?: (p: IndexProgress) => void) {
    if (this.opened || this.closed)
      throw new ArchiveError('INTERNAL', 'The index is already open.');
    const { dir, readOnly } = this.options;
    if (!readOnly) await fs.mkdir(dir, { recursive: true });
    const read = await readManifest(dir);
    let dirty = false;
    if ('manifest' in read) dirty = await this.adopt(read.manifest);
    else if (read.problem !== 'missing') {
      if (read.problem === 'corrupt')
        this.damage.push({ path: 'manifest.json', reason: read.reason });
      dirty = true;
      if (!readOnly) await clearIndexDir(dir);
    }
    this.opened = true;
    // Loops, not spread-and-filter: at 100,000 articles the spreads made 200,000 short-lived
    // arrays and entries for a cold search to collect.
    const todo: ArticleId[] = [];
    let known = 0;
    expected.forEach((rev, id) => {
      const live = this.set.liveRev(id);
      if (live !== undefined) known++;
      if (live !== rev) todo.push(id);
    });
    // Documents the catalogue does not hold; when it holds every one, none need looking up.
    const extra: ArticleId[] = [];
    if (known < this.set.documents) {
      for (const id of this.set.ids()) if (!expected.has(id)) extra.push(id);
    }
    this.set.remove(extra, this.nextSeq);
    if (extra.length) dirty = true;
    this.loading = this.loadSegments().finally(() => {
      this.loading = null;
      this.scheduleMerge();
    });
    await this.indexFromStore(todo, onProgress);
    this.scheduleMerge();
    if (dirty) this.persister.markDirty();
  }

  /** Takes the doc lists of a persisted index; returns true when something was dropped. */
  private async adopt(manifest: { nextSeq: number; segments: SegmentEntry[] }) {
    this.nextSeq = manifest.nextSeq;
    let dropped = false;
    const sorted = [...manifest.segments].sort((a, b) => a.seq - b.seq);
    const lists = await Promise.all(sorted.map((e) => readSegmentDocs(this.options.dir, e)));
    sorted.forEach((entry, i) => {
      const docs = lists[i];
      // A damaged doc list drops the segment; reconciling then re-indexes its documents.
      if (!docs) {
        this.damage.push({ path: entry.docsFile, reason: 'missing, altered or malformed' });
        dropped = true;
        return;
      }
      this.persister.entries.set(entry.seq, entry);
      this.set.adopt(new Segment(entry.seq, docs, null), new Set(entry.dead));
      this.nextSeq = Math.max(this.nextSeq, entry.seq + 1);
    });
    for (const s of [...this.set.segments]) if (s.liveCount === 0) this.set.drop(s.seq);
    return dropped;
  }

  /**
   * Loads postings newest first (newest holds the latest versions and is smallest), on a
   * worker when there is one; a damaged file is dropped and its documents re-indexed.
   */
  private async loadSegments(): Promise<void> {
    for (const seg of [...this.set.segments].reverse()) {
      if (seg.loaded || this.closed) continue;
      if (this.set.get(seg.seq) !== seg) continue;
      const entry = this.persister.entries.get(seg.seq);
      // A reader reads only the postings its queries ask for, where the blocks file allows; so
      // does a writer, for its large segments.
      if (entry && this.readsFromFile(seg) && this.saved.adopt(seg, entry)) continue;
      const postings = entry
        ? await this.tasks
            .run({
              kind: 'load',
              path: join(this.options.dir, entry.indexFile),
              sha256: entry.indexSha256,
              addBlocks: !this.options.readOnly,
            })
            .catch(() => null)
        : null;
      if (this.set.get(seg.seq) !== seg) continue;
      if (postings) {
        seg.setIndex(new PostingIndex(postings));
        continue;
      }
      if (entry) {
        this.damage.push({ path: entry.indexFile, reason: 'missing, altered or malformed' });
      }
      // The unloaded segment stays until its documents are indexed again, so searches
      // meanwhile say they are partial instead of quietly missing its hits.
      await this.indexFromStore(seg.liveIds());
      this.set.drop(seg.seq);
      this.changed();
    }
  }

  /** Adds documents, or replaces the indexed version of ones already present. */
  async upsert(docs: IndexDoc[]): Promise<void> {
    this.assertWritable();
    validateDocs(docs);
    const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
    if (unique.length === 0) return;
    const batches: IndexDoc[][] = [];
    for (let i = 0; i < unique.length; i += this.tuning.batchSize) {
      batches.push(unique.slice(i, i + this.tuning.batchSize));
    }
    const built = batches.map((b) => this.build(b));
    built.forEach((p) => p.catch(() => undefined));
    for (const p of built) {
      const seg = await p;
      if (seg) await this.enqueue(() => this.addSegment(seg));
    }
    this.scheduleMerge();
  }

  /** See SearchIndexApi.warm. */
  warm(): void {
    if (!this.options.readOnly) this.tasks.warm();
  }

  /** See SearchIndexApi.rest. */
  rest(): void {
    if (!this.options.readOnly) this.tasks.releaseIdle();
  }

  /** See SearchIndexApi.prepare. */
  async prepare(docs: IndexDoc[], judging?: Judging): Promise<PreparedDocs> {
    this.assertWritable();
    validateJudged(docs, judging, 'prepare');
    // Segments of batchSize documents, as upsert makes them.
    const parts: { docs: IndexDoc[]; judging?: Judging }[] = [];
    const languages = new Set(judging?.languages);
    for (let i = 0; i < docs.length; i += this.tuning.batchSize) {
      const end = i + this.tuning.batchSize;
      if (!judging) {
        parts.push({ docs: docs.slice(i, end) });
        continue;
      }
      const records = judging.records.slice(i, end);
      parts.push({
        docs: docs.slice(i, end),
        judging: { ...judging, languages: [...languages], records },
      });
      // Judged in order: a part's articles are judged with the languages of those before it.
      addJudgedLanguages(languages, records);
    }
    const seqs = parts.map(() => this.nextSeq++);
    // Counted until published or discarded: removal marks must outlive a build not yet in.
    this.buildBegins();
    let open = true;
    const settle = () => {
      if (!open) return false;
      open = false;
      this.buildEnds();
      return true;
    };
    let built: SegmentPayload[];
    try {
      // On a worker however small: its point is to keep the analysis off the importing thread.
      built = await Promise.all(parts.map((p) => this.tasks.run({ kind: 'build', ...p })));
    } catch (e) {
      settle();
      throw e;
    }
    const verdicts = built.flatMap((b, i) => b.verdicts ?? parts[i]!.docs.map(() => null));
    return {
      verdicts,
      publish: async (ids) => {
        if (!settle()) return;
        const written = new Set(ids);
        if (written.size === docs.length && docs.every((d) => written.has(d.id))) {
          for (const d of docs) this.failed.delete(d.id);
          for (const [i, b] of built.entries()) {
            const seg = toSegment(seqs[i]!, b);
            await this.enqueue(() => this.addSegment(seg));
          }
          this.scheduleMerge();
        } else {
          // Rare (another import wrote some of them first): the written ones are built again.
          if (this.buildsInFlight === 0) this.set.buildsSettled();
          await this.upsert(docs.filter((d) => written.has(d.id)));
        }
      },
      discard: () => {
        if (settle() && this.buildsInFlight === 0) this.set.buildsSettled();
      },
    };
  }

  /** See SearchIndexApi.judge. */
  async judge(docs: IndexDoc[], judging: Judging): Promise<(QueryVerdicts | null)[]> {
    validateJudged(docs, judging, 'judge');
    return this.tasks.run({ kind: 'judge', docs, judging });
  }

  /** Removes documents from the index (unknown ids are ignored). */
  async remove(ids: ArticleId[]): Promise<void> {
    this.assertWritable();
    if (!Array.isArray(ids))
      throw new ArchiveError('BAD_ARGUMENT', 'remove() expects a list of ids.');
    const nextSeq = this.nextSeq;
    for (const id of ids) this.failed.delete(id);
    await this.enqueue(() => {
      this.set.remove(ids, nextSeq);
      this.changed();
    });
    this.scheduleMerge();
  }

  /** Waits (a little, searchWaitMs) for segments still loading, so a cold query sees them. */
  private async settleLoading(): Promise<void> {
    if (!this.loading) return;
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise((r) => (timer = setTimeout(r, this.tuning.searchWaitMs)));
    await Promise.race([this.loading, wait]);
    clearTimeout(timer);
  }

  /** Runs a query; every matching live document, best first. */
  async search(
    query: string,
    filter?: (id: ArticleId) => boolean,
    options: QueryOptions = {},
  ): Promise<IndexSearchResult> {
    this.assertOpen();
    if (typeof query !== 'string') throw new QueryError('The query must be text.');
    const parsed = parseQuery(query);
    await this.settleLoading();
    const all = this.set.segments;
    const segments = all.filter((s) => s.loaded);
    const languages = this.set.languages();
    const budget = (): QueryBudget =>
      new QueryBudget(this.tuning.queryWorkLimit, this.tuning.queryTimeLimitMs);
    // Looking for spellings has a budget of its own: running out there only skips a correction.
    const spelt = this.spelt(parsed, segments, languages, options, budget());
    const { corrected, ignored, suggested, respelt } = spelt;
    const run = (clauses: Clause[]) =>
      evaluate(
        {
          segments,
          languages,
          filter,
          budget: budget(),
          collectionOf: options.collectionOf,
          dateOf: options.dateOf,
          names: options.names,
          expand: (c, limits, budget) =>
            this.expansions.get(segments, c, languages, limits, budget),
        },
        clauses,
      );
    let { hits, capped } = run(spelt.clauses);
    let suggestions = suggested;
    if (hits.length === 0 && respelt) {
      // Nothing as typed, though far more common spellings of its rare words are at hand: a
      // typo must not empty the search, so those are searched too, and said to be.
      const widened = run(respelt);
      if (widened.hits.length > 0) {
        ({ hits, capped } = widened);
        corrected.push(...suggested);
        suggestions = [];
      }
    }
    const passage = isBagOfWords(parsed) ? { passage: true } : {};
    return {
      hits,
      partial: segments.length < all.length,
      capped,
      corrected,
      ignored,
      ...(suggestions.length > 0 ? { suggested: suggestions } : {}),
      ...passage,
    };
  }

  /** The clauses with misspelt required words searched by their nearest spellings. */
  private spelt(
    clauses: Clause[],
    segments: Segment[],
    languages: string[],
    options: QueryOptions,
    budget: QueryBudget,
  ): Spelt {
    if (options.anyWord) clauses = anyWord(clauses);
    if (options.exact) return { clauses, corrected: [], ignored: [], suggested: [], respelt: null };
    return correctSpelling(clauses, segments, languages, (c) => {
      return this.expansions.get(segments, c, languages, expansionLimits([c]), budget).terms;
    });
  }

  /**
   * The `limit` live documents most like `id`, whose indexed title and body are `texts`: its
   * best BM25-weighted terms run as a weighted any-word query. `id` itself never comes back,
   * nor any document `keep` refuses. `language` stems the texts when `id` is not indexed.
   */
  async moreLikeThis(
    id: ArticleId,
    texts: { title: string; body: string; language: string },
    limit: number,
    keep: (id: ArticleId) => boolean = () => true,
  ): Promise<IndexSearchResult> {
    this.assertOpen();
    await this.settleLoading();
    const all = this.set.segments;
    const segments = all.filter((s) => s.loaded);
    const entry = this.set.entry(id);
    const home = entry ? this.set.get(entry.seq) : undefined;
    const pos = home ? entry?.at : undefined;
    const lang = home && pos !== undefined ? home.docs.langs[pos]! : stemLanguage(texts.language);
    let docCount = 0;
    for (const s of segments) docCount += s.size;
    const docsWith = (term: string): number => {
      let df = 0;
      for (const s of segments) df += s.index.docsWithTerm(term);
      return df;
    };
    const terms = likeTerms(texts, lang, docsWith, docCount);
    const hits = likeDocuments(segments, terms, (other) => other !== id && keep(other), limit);
    return { hits, partial: segments.length < all.length, capped: [] };
  }

  /** Ranges of `text` matched by the query's positive words and phrases; [] for bad queries. */
  highlight(query: string, text: string, language?: string): TextRange[] {
    let clauses;
    try {
      clauses = parseQuery(query);
    } catch (e) {
      if (e instanceof QueryError) return [];
      throw e;
    }
    return highlightClauses(clauses, text, language, this.set.languages());
  }

  /**
   * The words of the indexed title and body of `id` that the query matches, from the stored
   * positions; null when the document's segment is not loaded or the query is bad.
   */
  matchedWords(query: string, id: ArticleId): MatchedWords | null {
    const found = this.snippetSource(query, id);
    return found && matchedWords(found.seg.index, found.pos, found.plan);
  }

  /**
   * Ranges of `texts` (the indexed title and body of `id`) that the query matched, as the
   * search did (the same capped expansions); only the opening of a long body is looked at.
   * Read from the stored positions, or from the texts when the query stands for more than
   * `lookupLimit` index terms. Null when the document's segment is not loaded or the query
   * is bad.
   */
  matchedRanges(
    query: string,
    id: ArticleId,
    texts: { title: string; body: string },
    lookupLimit = POSITION_LOOKUPS,
    options: QueryOptions = {},
  ): MatchedRanges | null {
    const found = this.snippetSource(query, id, options);
    if (!found) return null;
    const { seg, pos, plan } = found;
    if (plan.lookups <= lookupLimit) {
      const words = matchedWords(seg.index, pos, plan);
      return {
        title: rangesOfWords(texts.title, words.title),
        body: rangesOfWords(texts.body, words.body),
      };
    }
    const lang = seg.docs.langs[pos]!;
    return {
      title: scanMatches(texts.title, lang, plan.title),
      body: scanMatches(texts.body, lang, plan.body),
    };
  }

  /** The loaded segment holding `id`, its place there, and the query's snippet plan. */
  private snippetSource(
    query: string,
    id: ArticleId,
    options: QueryOptions = {},
  ): { seg: Segment; pos: number; plan: SnippetPlan } | null {
    let parsed;
    try {
      parsed = parseQuery(query);
    } catch (e) {
      if (e instanceof QueryError) return null;
      throw e;
    }
    const entry = this.set.entry(id);
    const seg = entry ? this.set.get(entry.seq) : undefined;
    const pos = seg ? entry?.at : undefined;
    if (!seg?.loaded || pos === undefined) return null;
    const segments = this.set.segments.filter((s) => s.loaded);
    const languages = this.set.languages();
    // The words the search used, typos corrected alike.
    const { clauses } = this.spelt(parsed, segments, languages, options, unlimitedBudget());
    // The terms the search used: the same capped expansions, memoised since it ran.
    const limits = expansionLimits(clauses);
    const expand = (c: TermClause): string[] =>
      this.expansions.get(segments, c, languages, limits, unlimitedBudget()).terms;
    return { seg, pos, plan: snippetPlan(clauses, languages, expand) };
  }

  /** Index files found damaged since open (names inside the index folder, and why). */
  damaged(): { path: string; reason: string }[] {
    return this.damage.map((d) => ({ ...d }));
  }

  stats(): { ready: boolean; segments: number; documents: number } {
    const ready = this.opened && !this.closed && this.set.segments.every((s) => s.loaded);
    return { ready, segments: this.set.segments.length, documents: this.set.documents };
  }

  /** Waits for background merges and persists everything. */
  async flush(): Promise<void> {
    this.assertOpen();
    await this.settle();
    await this.persister.persist();
    this.throwBackgroundError();
  }

  async close(options: { discard?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    try {
      if (this.opened) {
        await this.settle();
        if (!this.options.readOnly && !options.discard) {
          // Dead documents waiting for a quiet moment are dropped now, so that the saved index
          // is as compact as before: on fresh workers, not beside the heaps a bulk edit left.
          this.closing = true;
          this.tasks.releaseIdle();
          this.scheduleMerge();
          await this.settle();
          await this.persister.persist();
        }
      }
    } finally {
      // A failed save (disk full) must still stop the workers and timers.
      this.closed = true;
      this.persister.stop();
      if (this.quietTimer) clearTimeout(this.quietTimer);
      this.saved.closeAll();
      await this.tasks.close();
    }
  }

  /** The format version persisted indexes carry. */
  static readonly format = INDEX_FORMAT;

  private async settle(): Promise<void> {
    await this.loading;
    await this.chain;
    while (this.merging) {
      await this.merging;
      await this.chain;
    }
  }

  private enqueue<T>(fn: () => T | Promise<T>): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.catch(() => undefined);
    return p;
  }

  /**
   * Builds one segment. When the build fails, the documents that fail on their own are
   * found by halving, listed in `problems()` and left out, and the rest is built again under
   * the same seq: one bad article never costs the index the others. Null when none is left.
   */
  private async build(docs: IndexDoc[]): Promise<Segment | null> {
    const seq = this.nextSeq++;
    this.buildBegins();
    try {
      let todo = docs;
      try {
        return this.built(seq, todo, await this.runBuild(todo));
      } catch (e) {
        if (this.closed) throw e;
      }
      const bad = await this.failingDocs(todo);
      todo = todo.filter((d) => !bad.has(d.id));
      for (const d of docs) {
        const reason = bad.get(d.id);
        if (reason !== undefined) this.failed.set(d.id, { rev: d.rev, reason });
      }
      return todo.length > 0 ? this.built(seq, todo, await this.runBuild(todo)) : null;
    } finally {
      this.buildEnds();
    }
  }

  private buildBegins(): void {
    this.buildsInFlight++;
    this.lastBuildAt = performance.now();
    this.saved.busy();
  }

  private buildEnds(): void {
    this.buildsInFlight--;
    this.lastBuildAt = performance.now();
  }

  private runBuild(docs: IndexDoc[]): Promise<SegmentPayload> {
    return this.tasks.run({ kind: 'build', docs }, this.tuning.workerMinDocs, docs.length);
  }

  private built(seq: number, docs: IndexDoc[], r: SegmentPayload): Segment {
    for (const d of docs) this.failed.delete(d.id);
    return toSegment(seq, r);
  }

  /** The documents of a failed build that fail alone, with why (found by halving). */
  private async failingDocs(docs: IndexDoc[]): Promise<Map<ArticleId, string>> {
    const bad = new Map<ArticleId, string>();
    const test = async (part: IndexDoc[]): Promise<void> => {
      try {
        await this.runBuild(part);
      } catch (e) {
        if (this.closed) throw e;
        if (part.length === 1) {
          bad.set(part[0]!.id, e instanceof Error ? e.message : String(e));
          return;
        }
        const half = Math.ceil(part.length / 2);
        await test(part.slice(0, half));
        await test(part.slice(half));
      }
    };
    const half = Math.ceil(docs.length / 2);
    if (docs.length === 1) await test(docs);
    else {
      await test(docs.slice(0, half));
      await test(docs.slice(half));
    }
    return bad;
  }

  /** Documents that could not be indexed (so cannot be found), with the reason. */
  problems(): { id: ArticleId; reason: string }[] {
    return [...this.failed].map(([id, f]) => ({ id, reason: f.reason }));
  }

  /** Indexes documents read from the article store, a batch per segment, builds in parallel. */
  private async indexFromStore(ids: string[], onProgress?: (p: IndexProgress) => void) {
    const total = ids.length;
    let done = 0;
    onProgress?.({ done, total });
    const parallel = this.tasks.parallelism;
    const pending: { seg: Promise<Segment | null>; count: number }[] = [];
    const commitOne = async (): Promise<void> => {
      const { seg, count } = pending.shift()!;
      const s = await seg;
      if (s) await this.enqueue(() => this.addSegment(s));
      done += count;
      onProgress?.({ done, total });
    };
    for (let i = 0; i < ids.length; i += this.tuning.batchSize) {
      const slice = ids.slice(i, i + this.tuning.batchSize);
      const docs = await loadValidDocs(this.options.loadDoc, slice);
      const seg = this.build(docs);
      seg.catch(() => undefined);
      pending.push({ seg, count: slice.length });
      while (pending.length >= parallel) await commitOne();
    }
    while (pending.length > 0) await commitOne();
  }

  private addSegment(seg: Segment, replaces?: Set<number>): void {
    this.set.add(seg, replaces);
    if (this.buildsInFlight === 0) this.set.buildsSettled();
    this.changed();
  }

  /** After segments were added or dropped: a save is due, and dropped ones' files can close. */
  private changed(): void {
    this.saved.busy();
    this.saved.retire((seq) => this.set.get(seq) !== undefined);
    this.persister.markDirty();
  }

  /** Loaded segments that may read from their saved files, with their files' entries. */
  private *savedSegments(): Iterable<[Segment, SegmentEntry]> {
    for (const seg of this.set.segments) {
      const entry = this.persister.entries.get(seg.seq);
      if (entry && seg.loaded && this.readsFromFile(seg)) yield [seg, entry];
    }
  }

  /** Whether `seg` reads its postings from its saved file rather than holding them. */
  private readsFromFile(seg: Segment): boolean {
    return (this.options.readOnly ?? false) || seg.size >= this.tuning.fileBackedMinDocs;
  }

  private scheduleMerge(): void {
    if (!this.tuning.merge || this.merging || this.closed || !this.opened) return;
    // A read-only open cannot save a merge, and a command would only wait for it at close.
    if (this.options.readOnly) return;
    const idle = this.buildsInFlight === 0;
    // Rewriting a large segment to drop a small share of dead documents waits until no build
    // has run for a while: beside a bulk edit's builds (and the workers' heaps they leave) it
    // set the process's peak memory (docs/benchmarks.md, "Dead documents reclaimed once quiet").
    const left = this.tuning.reclaimQuietMs - (performance.now() - this.lastBuildAt);
    const quiet = idle && (left <= 0 || this.closing);
    if (idle && !quiet && !this.quietTimer) {
      this.quietTimer = setTimeout(() => {
        this.quietTimer = null;
        this.scheduleMerge();
      }, left);
      this.quietTimer.unref();
    }
    // Segments still loading cannot be merged yet; they join once loaded.
    const pick = pickMerge(
      this.set.segments
        .filter((s) => s.loaded)
        .map((s) => ({ seq: s.seq, size: s.size, live: s.liveCount })),
      idle,
      quiet,
    );
    if (!pick) return;
    this.merging = this.merge(new Set(pick))
      .catch((e) => {
        this.backgroundError = e;
      })
      .finally(() => {
        this.merging = null;
        if (!this.backgroundError) this.scheduleMerge();
      });
  }

  /**
   * Merges segments from their postings alone: no article is read again. A segment read from
   * its file goes to the merge as that file, which the merge reads for itself.
   */
  private async merge(seqs: Set<number>): Promise<void> {
    const segments = [...seqs]
      .map((s) => this.set.get(s))
      .filter((s): s is Segment => s !== undefined && s.loaded);
    const parts = segments.map((s): MergeTaskPart => {
      const file = this.saved.fileOf(s.seq);
      const keep = s.alive.slice();
      return file ? { docs: s.docs, file, keep } : { docs: s.docs, postings: s.index.data, keep };
    });
    const seq = this.nextSeq++;
    this.saved.busy();
    let r: SegmentPayload;
    try {
      r = await this.tasks.run({ kind: 'merge', parts });
    } catch (e) {
      if (!(await this.reindexDamaged(segments))) throw e;
      return;
    }
    await this.enqueue(() => this.addSegment(toSegment(seq, r), seqs));
  }

  /**
   * After a failed merge: the segments among `segments` whose saved file is damaged are
   * dropped and their documents indexed again from the articles, as at open. False when none is.
   */
  private async reindexDamaged(segments: Segment[]): Promise<boolean> {
    let found = false;
    for (const seg of segments) {
      const file = this.saved.fileOf(seg.seq);
      if (!file || (await readVerifiedBytes(file.path, file.sha256)) !== null) continue;
      found = true;
      this.damage.push({ path: basename(file.path), reason: 'missing, altered or malformed' });
      await this.indexFromStore(seg.liveIds());
      await this.enqueue(() => {
        this.set.drop(seg.seq);
        this.changed();
      });
    }
    return found;
  }

  private throwBackgroundError(): void {
    const e = this.backgroundError ?? this.persister.error;
    if (!e) return;
    this.backgroundError = null;
    this.persister.error = null;
    throw e instanceof ArchiveError
      ? e
      : new ArchiveError('IO', `The search index could not be saved: ${String(e)}`);
  }

  private assertOpen(): void {
    if (this.closed) throw new ArchiveError('INTERNAL', 'The search index is closed.');
    if (!this.opened) throw new ArchiveError('INTERNAL', 'The search index is not open yet.');
  }

  private assertWritable(): void {
    this.assertOpen();
  }
}

const toSegment = (seq: number, r: SegmentPayload): Segment =>
  new Segment(seq, r.docs, new PostingIndex(r.postings));
