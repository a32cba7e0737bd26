// entities.json: each article's people, organisations and places, a cache of the article files
// (they are extracted from the text, so they can always be extracted again). One table of
// names, and per article the numbers of its names in that table. Anything unexpected (damage,
// another extractor or text cleaner version) discards the whole file.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../../contract/entities';
import { isErrno } from '../errno';
import { writeFileAtomic } from '../store/atomic-write';

export const ENTITY_CACHE_FILE = 'entities.json';
const FORMAT = 1;

/** What a cache was made with; a cache made with anything else is ignored. */
export interface EntityCacheKey {
  extractorVersion: number;
  cleanerVersion: number;
}

/** One entity name with its type, as the cache and the in-memory index keep it. */
export interface TypedName {
  type: EntityType;
  name: string;
}

/** Per article id, its entities in the article's order (most mentioned first). */
export type EntitiesById = Map<string, TypedName[]>;

// Per article the numbers of its names, base 36, "," between numbers and ";" between
// articles (in the order of `ids`): a few characters a name, and no 100,000-key object to parse.
const cacheSchema = z.object({
  format: z.literal(FORMAT),
  extractorVersion: z.number().int(),
  cleanerVersion: z.number().int(),
  /** Each name behind a one-digit type: its place in ENTITY_TYPES ("0Tony Blair"). */
  names: z.array(z.string().regex(/^[0-2]/u)),
  ids: z.array(z.string().min(1)),
  refs: z.string(),
});

/** Reads the cache: the entities by article, or null when missing, damaged or made otherwise. */
export async function readEntityCache(
  dir: string,
  key: EntityCacheKey,
): Promise<EntitiesById | null> {
  let text: string;
  try {
    text = await readFile(join(dir, ENTITY_CACHE_FILE), 'utf8');
  } catch (e) {
    if (isErrno(e, ['ENOENT'])) return null;
    throw e;
  }
  return decodeEntityCache(text, key);
}

/** Parses a cache file's text; null when it is not a whole cache made with `key`. */
export function decodeEntityCache(text: string, key: EntityCacheKey): EntitiesById | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = cacheSchema.safeParse(json);
  if (!parsed.success) return null;
  const cache = parsed.data;
  if (cache.extractorVersion !== key.extractorVersion) return null;
  if (cache.cleanerVersion !== key.cleanerVersion) return null;
  const names: TypedName[] = cache.names.map((n) => ({
    type: ENTITY_TYPES[Number(n[0])]!,
    name: n.slice(1),
  }));
  const parts = cache.ids.length === 0 ? [] : cache.refs.split(';');
  if (parts.length !== cache.ids.length) return null;
  const out: EntitiesById = new Map();
  for (let i = 0; i < parts.length; i++) {
    const list: TypedName[] = [];
    const part = parts[i]!;
    if (part !== '') {
      for (const ref of part.split(',')) {
        const name = /^[0-9a-z]+$/u.test(ref) ? names[parseInt(ref, 36)] : undefined;
        if (!name) return null;
        list.push(name);
      }
    }
    out.set(cache.ids[i]!, list);
  }
  return out;
}

/** The text of a cache holding these entities. */
export function encodeEntityCache(entities: EntitiesById, key: EntityCacheKey): string {
  const names: string[] = [];
  const numbers = new Map<string, number>();
  const ids: string[] = [];
  const refs: string[] = [];
  for (const [id, list] of entities) {
    ids.push(id);
    refs.push(
      list
        .map(({ type, name }) => {
          const k = `${ENTITY_TYPES.indexOf(type)}${name}`;
          let n = numbers.get(k);
          if (n === undefined) {
            n = names.length;
            numbers.set(k, n);
            names.push(k);
          }
          return n.toString(36);
        })
        .join(','),
    );
  }
  return JSON.stringify({ format: FORMAT, ...key, names, ids, refs: refs.join(';') });
}

/** Replaces the cache atomically. */
export async function writeEntityCache(
  dir: string,
  entities: EntitiesById,
  key: EntityCacheKey,
): Promise<void> {
  await writeFileAtomic(join(dir, ENTITY_CACHE_FILE), encodeEntityCache(entities, key));
}
