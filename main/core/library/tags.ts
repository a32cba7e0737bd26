// Tag names: validation, case-insensitive matching, and edits of one article's tag list.
import {
  normalizeTagName,
  quoteTagName,
  tagNameProblem,
  type TagNameUse,
} from '../../contract/tag-name';
import { ArchiveError } from '../errors';

/** The matching key of a tag: case and Unicode form do not matter. */
export function tagKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** Trims and checks a tag name by the contract's rule; throws BAD_ARGUMENT saying what is wrong. */
export function checkTagName(raw: unknown, use: TagNameUse = 'new'): string {
  if (typeof raw !== 'string') throw new ArchiveError('BAD_ARGUMENT', 'A tag must be text');
  const problem = tagNameProblem(raw, use);
  if (problem !== null) {
    throw new ArchiveError('BAD_ARGUMENT', `The tag ${quoteTagName(raw)} ${problem}.`);
  }
  return normalizeTagName(raw);
}

/** Checks a list of tag names and drops case-insensitive repeats. */
export function checkTagNames(raw: unknown, use: TagNameUse = 'new'): string[] {
  if (!Array.isArray(raw)) throw new ArchiveError('BAD_ARGUMENT', 'Expected a list of tags');
  const seen = new Set<string>();
  const names: string[] = [];
  for (const item of raw) {
    const name = checkTagName(item, use);
    if (seen.has(tagKey(name))) continue;
    seen.add(tagKey(name));
    names.push(name);
  }
  return names;
}

/** True when `tags` holds a tag matching `name` case-insensitively. */
export function hasTag(tags: readonly string[], name: string): boolean {
  const key = tagKey(name);
  return tags.some((t) => tagKey(t) === key);
}

/** `tags` with `names` appended where missing; null when nothing changes. */
export function withTags(tags: readonly string[], names: readonly string[]): string[] | null {
  const added = names.filter((n) => !hasTag(tags, n));
  return added.length ? [...tags, ...added] : null;
}

/** `tags` without `names`; null when nothing changes. */
export function withoutTags(tags: readonly string[], names: readonly string[]): string[] | null {
  const keys = new Set(names.map(tagKey));
  const kept = tags.filter((t) => !keys.has(tagKey(t)));
  return kept.length === tags.length ? null : kept;
}

/** `tags` with `from` replaced by `to` in place (merged when `to` is already there). */
export function renamedTags(tags: readonly string[], from: string, to: string): string[] | null {
  const fromKey = tagKey(from);
  if (!tags.some((t) => tagKey(t) === fromKey)) return null;
  const toKey = tagKey(to);
  const seen = new Set<string>();
  const next: string[] = [];
  for (const t of tags) {
    const name = tagKey(t) === fromKey || tagKey(t) === toKey ? to : t;
    if (seen.has(tagKey(name))) continue;
    seen.add(tagKey(name));
    next.push(name);
  }
  return next;
}
