// A facet click filters the list through the search box: it adds person:"Name" (org:,
// place:) to the query, and a second click takes it out. The filter stays visible and
// editable where searches are written, and combines with the words and other filters.
import type { EntityType } from '../../../main/contract/entities';

const FIELD: Record<EntityType, string> = { person: 'person', organisation: 'org', place: 'place' };

/** The search clause that keeps the articles naming this entity. */
export function entityClause(type: EntityType, name: string): string {
  return `${FIELD[type]}:"${name.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clausePattern = (clause: string) =>
  new RegExp(`(^|\\s)${escapeRegExp(clause)}(?=\\s|$)`, 'i');

/** True when the query holds this clause as one of its parts. */
export function hasClause(query: string, clause: string): boolean {
  return clausePattern(clause).test(query);
}

/** The query with the clause added at its end, or taken out when it was there. */
export function toggleClause(query: string, clause: string): string {
  if (hasClause(query, clause)) {
    return query.replace(clausePattern(clause), ' ').replace(/\s+/g, ' ').trim();
  }
  const trimmed = query.trim();
  return trimmed === '' ? clause : `${trimmed} ${clause}`;
}
