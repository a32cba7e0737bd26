// Tag operations across the library, each returning a snapshot for undo.
import { ArchiveError } from '../errors';
import type { ArticleRecord } from '../store/article-file';
import type { Catalog } from '../store/catalog';
import type { TagCount, TagSnapshot } from '../../contract/types';
import { assertId } from './ids';
import { nameCollator } from '../text/name-collator';
import {
  checkTagName,
  checkTagNames,
  hasTag,
  renamedTags,
  tagKey,
  withoutTags,
  withTags,
} from './tags';

type Update = (
  ids: string[],
  edit: (r: ArticleRecord) => Partial<ArticleRecord> | null,
) => Promise<string[]>;

/** Tag edits over the catalogue; writes go through the engine's `update`. */
export class TagOps {
  constructor(
    private readonly catalog: Catalog,
    private readonly update: Update,
    private readonly checkWritable: () => void,
  ) {}

  /** Adds tags, using the library's existing spelling of each tag when there is one. */
  async add(ids: string[], names: unknown): Promise<TagSnapshot> {
    this.checkWritable();
    const tags = checkTagNames(names).map((n) => this.displayName(n));
    if (tags.length === 0) throw new ArchiveError('BAD_ARGUMENT', 'No tags given');
    const snapshot = this.snapshot(ids);
    await this.update(ids, (r) => {
      const next = withTags(r.tags, tags);
      return next ? { tags: next } : null;
    });
    return snapshot;
  }

  /** Removes tags (case-insensitive). */
  async remove(ids: string[], names: unknown): Promise<TagSnapshot> {
    this.checkWritable();
    const tags = checkTagNames(names, 'existing');
    const snapshot = this.snapshot(ids);
    await this.update(ids, (r) => {
      const next = withoutTags(r.tags, tags);
      return next ? { tags: next } : null;
    });
    return snapshot;
  }

  /** Puts back the tags a snapshot holds; articles deleted since are skipped. */
  async restore(snapshot: TagSnapshot): Promise<void> {
    this.checkWritable();
    if (!snapshot || !Array.isArray(snapshot.entries)) {
      throw new ArchiveError('BAD_ARGUMENT', 'Expected a tag snapshot');
    }
    const wanted = new Map<string, string[]>();
    for (const entry of snapshot.entries) {
      assertId(entry.id);
      // Undo may put back a tag made before the tag-name rule (one holding U+FFFD).
      wanted.set(entry.id, checkTagNames(entry.tags, 'existing'));
    }
    const ids = [...wanted.keys()].filter((id) => this.catalog.records.has(id));
    await this.update(ids, (r) => {
      const tags = wanted.get(r.id);
      if (!tags || sameList(tags, r.tags)) return null;
      return { tags };
    });
  }

  /** Renames a tag everywhere, merging into `to` when that tag already exists. */
  async rename(from: unknown, to: unknown): Promise<TagSnapshot> {
    this.checkWritable();
    const source = checkTagName(from, 'existing');
    const target = checkTagName(to);
    const ids = this.idsWith(source);
    // A case-only rename changes the spelling; otherwise keep the library's spelling of `to`.
    const display = tagKey(source) === tagKey(target) ? target : this.displayName(target);
    const snapshot = this.snapshot(ids);
    await this.update(ids, (r) => {
      const next = renamedTags(r.tags, source, display);
      return next && !sameList(next, r.tags) ? { tags: next } : null;
    });
    return snapshot;
  }

  /** Removes a tag from every article. */
  async delete(name: unknown): Promise<TagSnapshot> {
    this.checkWritable();
    const tag = checkTagName(name, 'existing');
    const ids = this.idsWith(tag);
    const snapshot = this.snapshot(ids);
    await this.update(ids, (r) => {
      const next = withoutTags(r.tags, [tag]);
      return next ? { tags: next } : null;
    });
    return snapshot;
  }

  /** Every tag with how many articles outside the trash carry it, by name. */
  list(): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const r of this.catalog.records.values()) {
      for (const t of r.tags) {
        const key = tagKey(t);
        const entry = counts.get(key) ?? { name: t, count: 0 };
        if (r.trashedAt === null) entry.count++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()]
      .filter((c) => c.count > 0)
      .sort((a, b) => nameCollator().compare(a.name, b.name));
  }

  /** The tags these articles carry, each with how many of them carry it, by name. */
  countsFor(ids: readonly string[]): TagCount[] {
    const counts = new Map<string, TagCount>();
    for (const id of ids) {
      for (const t of this.catalog.records.get(id)?.tags ?? []) {
        const key = tagKey(t);
        const entry = counts.get(key) ?? { name: t, count: 0 };
        entry.count++;
        counts.set(key, entry);
      }
    }
    return [...counts.values()].sort((a, b) => nameCollator().compare(a.name, b.name));
  }

  private idsWith(tag: string): string[] {
    const ids = [...this.catalog.records.values()]
      .filter((r) => hasTag(r.tags, tag))
      .map((r) => r.id);
    if (ids.length === 0) throw new ArchiveError('NOT_FOUND', `No article has the tag "${tag}"`);
    return ids;
  }

  /** The spelling the library already uses for a tag, or `name` for a new tag. */
  private displayName(name: string): string {
    const key = tagKey(name);
    for (const r of this.catalog.records.values()) {
      const found = r.tags.find((t) => tagKey(t) === key);
      if (found) return found;
    }
    return name;
  }

  private snapshot(ids: string[]): TagSnapshot {
    return {
      entries: ids.flatMap((id) => {
        const r = this.catalog.records.get(id);
        return r ? [{ id, tags: [...r.tags] }] : [];
      }),
    };
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
