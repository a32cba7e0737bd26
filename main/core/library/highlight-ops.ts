// Highlights and notes, stored in their article's record (the article file is the truth; the
// catalogue keeps counts). Every write goes through the engine's `update`, so it is atomic,
// journalled and re-indexed like a tag edit.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { describeIssues } from '../../contract/api-contract';
import {
  articleOfHighlight,
  DEFAULT_HIGHLIGHT_COLOR,
  highlightPatchSchema,
  highlightQuerySchema,
  newHighlightSchema,
  removedHighlightSchema,
  type Highlight,
  type HighlightQuery,
  type ListedHighlight,
  type RemovedHighlight,
  type StoredHighlight,
} from '../../contract/highlights';
import { highlightIdSchema } from '../../contract/highlights';
import { LIMITS } from '../../contract/limits';
import { describeRange } from '../annotations/anchor';
import { placeAsStored, placeHighlight } from '../annotations/place-highlight';
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type { ArticleStore } from '../store/article-store';
import type { Catalog } from '../store/catalog';
import { CLEANER_VERSION } from '../text/parse-article';
import { loadArticle, loadStored } from './article-text';
import { notFound } from './ids';
import { hasTag } from './tags';

type Update = (
  ids: string[],
  edit: (r: ArticleRecord) => Partial<ArticleRecord> | null,
) => Promise<string[]>;

/** Parses engine arguments with the contract's schema: BAD_ARGUMENT naming the field. */
function parse<T extends z.ZodType>(method: string, schema: T, args: unknown): z.infer<T> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw new ArchiveError('BAD_ARGUMENT', describeIssues(method, parsed.error));
  return parsed.data;
}

/** Where a new highlight goes: the range given, or the n-th occurrence of the text given. */
function rangeOf(
  body: string,
  args: { start?: number; end?: number; text?: string; occurrence?: number },
): { start: number; end: number } {
  let start: number;
  let end: number;
  if (args.text !== undefined) {
    if (args.start !== undefined || args.end !== undefined) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        'Give either a range or a text to highlight, not both',
      );
    }
    if (args.text.trim() === '') throw emptySelection();
    const wanted = args.occurrence ?? 1;
    let found = 0;
    start = -1;
    for (let at = body.indexOf(args.text); at >= 0; at = body.indexOf(args.text, at + 1)) {
      if (++found === wanted) {
        start = at;
        break;
      }
    }
    if (start < 0) {
      // The first words are the contract's message; scripts may match on them.
      const more = wanted > 1 && found > 0 ? ` ${wanted} times (it is there ${found})` : '';
      throw new ArchiveError('BAD_ARGUMENT', `the text was not found in this article${more}`);
    }
    end = start + args.text.length;
  } else {
    if (args.start === undefined || args.end === undefined) {
      throw new ArchiveError('BAD_ARGUMENT', 'A highlight needs a range (start, end) or a text');
    }
    ({ start, end } = args);
    if (end > body.length || start >= end) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `The range ${start}–${end} is not inside the article's text (0–${body.length})`,
      );
    }
  }
  // A selection often takes the spaces around it along; the passage is what lies between.
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  if (start >= end) throw emptySelection();
  return { start, end };
}

const emptySelection = () =>
  new ArchiveError('BAD_ARGUMENT', 'Nothing to highlight: the selection is empty or only spaces');

/** The highlight `id` in a record, or NOT_FOUND. */
function find(record: ArticleRecord, id: string): StoredHighlight {
  const h = record.highlights?.find((x) => x.id === id);
  if (!h) throw new ArchiveError('NOT_FOUND', `No highlight with id ${id}`);
  return h;
}

// Article files read at once when listing highlights.
const READS_IN_FLIGHT = 16;

/** Highlight edits and lists over the catalogue; writes go through the engine's `update`. */
export class HighlightOps {
  /** Placed highlights per article, with the record revision they were read at. */
  private readonly cache = new Map<string, { rev: number; placed: Highlight[] }>();

  constructor(
    private readonly store: ArticleStore,
    private readonly catalog: Catalog,
    private readonly update: Update,
    private readonly checkWritable: () => void,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Highlights a range of an article's clean body, or the n-th occurrence of a text. */
  async add(input: unknown): Promise<Highlight> {
    this.checkWritable();
    const args = parse('addHighlight', newHighlightSchema, input);
    this.recordOf(args.id);
    const { stored, clean } = await loadArticle(this.store, args.id);
    const { start, end } = rangeOf(clean.body, args);
    const existing = stored.record.highlights ?? [];
    if (existing.length >= LIMITS.highlightsPerArticle) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `An article holds at most ${LIMITS.highlightsPerArticle} highlights`,
      );
    }
    let id: string;
    do id = `${args.id}-${randomBytes(4).toString('hex')}`;
    while (existing.some((h) => h.id === id));
    const at = this.now();
    const highlight: StoredHighlight = {
      id,
      color: args.color ?? DEFAULT_HIGHLIGHT_COLOR,
      note: args.note ?? '',
      createdAt: at,
      updatedAt: at,
      cleanerVersion: CLEANER_VERSION,
      selector: describeRange(clean.body, start, end),
    };
    await this.update([args.id], (r) => ({ highlights: [...(r.highlights ?? []), highlight] }));
    return placeHighlight(args.id, highlight, clean.body);
  }

  /** Changes a highlight's note or colour. */
  async change(input: unknown): Promise<Highlight> {
    this.checkWritable();
    const args = parse('updateHighlight', highlightPatchSchema, input);
    const articleId = articleOfHighlight(args.id);
    this.recordOf(articleId);
    const { stored, clean } = await loadArticle(this.store, articleId);
    const before = find(stored.record, args.id);
    const after: StoredHighlight = {
      ...before,
      ...(args.note !== undefined ? { note: args.note } : {}),
      ...(args.color !== undefined ? { color: args.color } : {}),
      updatedAt: this.now(),
    };
    await this.update([articleId], (r) => ({
      highlights: (r.highlights ?? []).map((h) => (h.id === args.id ? after : h)),
    }));
    return placeHighlight(articleId, after, clean.body);
  }

  /** Removes a highlight; the answer puts it back (restore). */
  async remove(input: unknown): Promise<RemovedHighlight> {
    this.checkWritable();
    const { id } = parse('removeHighlight', z.strictObject({ id: highlightIdSchema }), input);
    const articleId = articleOfHighlight(id);
    this.recordOf(articleId);
    const stored = await loadStored(this.store, articleId);
    const highlight = find(stored.record, id);
    await this.update([articleId], (r) => ({
      highlights: (r.highlights ?? []).filter((h) => h.id !== id),
    }));
    return { articleId, highlight };
  }

  /** Puts back a removed highlight (undo); one with the same id already there is replaced. */
  async restore(input: unknown): Promise<Highlight> {
    this.checkWritable();
    const { articleId, highlight } = parse('restoreHighlight', removedHighlightSchema, input);
    if (articleOfHighlight(highlight.id) !== articleId) {
      throw new ArchiveError(
        'BAD_ARGUMENT',
        `Highlight ${highlight.id} is not of article ${articleId}`,
      );
    }
    this.recordOf(articleId);
    const { clean } = await loadArticle(this.store, articleId);
    await this.update([articleId], (r) => ({
      highlights: [...(r.highlights ?? []).filter((h) => h.id !== highlight.id), highlight],
    }));
    return placeHighlight(articleId, highlight, clean.body);
  }

  /** An article's highlights placed in its clean body, in text order (orphans last). */
  place(record: ArticleRecord, body: string): Highlight[] {
    return inTextOrder((record.highlights ?? []).map((h) => placeHighlight(record.id, h, body)));
  }

  /**
   * Highlights of one article, or across the library (not the trash unless asked), newest
   * first. Only the files of articles with highlights are read, and their text is cleaned
   * again only when a highlight was made by another cleaner format.
   */
  async list(input: unknown = {}): Promise<ListedHighlight[]> {
    const q = parse('listHighlights', highlightQuerySchema, input);
    const records = this.candidates(q);
    const placed: Highlight[][] = new Array(records.length);
    let next = 0;
    // A few files in flight: the first listing of a large library reads one file per
    // highlighted article, and waits on the disk more than on the CPU.
    const reader = async (): Promise<void> => {
      while (next < records.length) {
        const i = next++;
        placed[i] = await this.placedOf(records[i]!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, records.length) }, reader));
    const out: ListedHighlight[] = [];
    records.forEach((r, i) => {
      for (const h of placed[i]!) {
        if (!q.color || h.color === q.color) out.push({ ...h, title: r.title });
      }
    });
    return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  }

  /**
   * An article's highlights placed, from the cache while its record's revision (bumped by
   * every highlight edit) is the one they were read at.
   */
  private async placedOf(r: ArticleRecord): Promise<Highlight[]> {
    const cached = this.cache.get(r.id);
    if (cached && cached.rev === r.rev) return cached.placed;
    const stored = await loadStored(this.store, r.id);
    const all = stored.record.highlights ?? [];
    const stale = all.some((h) => h.cleanerVersion !== CLEANER_VERSION);
    const body = stale ? (await loadArticle(this.store, r.id)).clean.body : null;
    const placed = all.map((h) =>
      body === null ? placeAsStored(r.id, h) : placeHighlight(r.id, h, body),
    );
    this.cache.set(r.id, { rev: stored.record.rev, placed });
    return placed;
  }

  /** Catalogue records whose highlights a query asks for. */
  private candidates(q: HighlightQuery): ArticleRecord[] {
    const wanted = q.articleId ? [q.articleId] : q.ids;
    const records = wanted
      ? wanted.map((id) => this.recordOf(id))
      : [...this.catalog.records.values()];
    return records.filter(
      (r) =>
        (r.highlightCount ?? 0) > 0 &&
        (q.trashed || q.articleId !== undefined || r.trashedAt === null) &&
        (!q.tag || hasTag(r.tags, q.tag)),
    );
  }

  private recordOf(id: string): ArticleRecord {
    const r = this.catalog.records.get(id);
    if (!r) throw notFound(id);
    return r;
  }
}

/** Placed highlights by where they start; orphans (no place) last, oldest first. */
function inTextOrder(list: Highlight[]): Highlight[] {
  return list.sort(
    (a, b) =>
      (a.start ?? Infinity) - (b.start ?? Infinity) ||
      (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0),
  );
}
