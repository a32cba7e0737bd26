// Read access to one segment's postings: term lookups, prefix and fuzzy expansions (Lunr's
// own fuzzy automaton, walked over the sorted term list as if it were a trie) and weights.
import lunr from 'lunr';
import { FIELDS, TAG_MARK, type FieldName } from './analyzer';
import { FIELD_COUNT, type PostingData } from './postings';

const TokenSet = lunr.TokenSet as typeof lunr.TokenSet & {
  fromFuzzyString(s: string, editDistance: number): TokenNode;
};

interface TokenNode {
  final: boolean;
  edges: Record<string, TokenNode>;
}

const FIELD_NO: Record<FieldName, number> = Object.fromEntries(
  FIELDS.map((f, i) => [f, i]),
) as Record<FieldName, number>;

/** First index in sorted `terms` whose term is >= `key`. */
function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function step(states: TokenNode[], ch: string): TokenNode[] {
  const out: TokenNode[] = [];
  for (const s of states) {
    const a = s.edges[ch];
    const b = s.edges['*'];
    if (a && !out.includes(a)) out.push(a);
    if (b && !out.includes(b)) out.push(b);
  }
  return out;
}

export class PostingIndex {
  private readonly dfCache = new Map<string, number>();

  constructor(readonly data: PostingData) {}

  /** Number of postings (a rough size, for memory accounting). */
  get postings(): number {
    return this.data.docs.length;
  }

  private termNo(term: string): number {
    const i = lowerBound(this.data.terms, term);
    return this.data.terms[i] === term ? i : -1;
  }

  has(term: string): boolean {
    return this.termNo(term) >= 0;
  }

  /** Lunr's "documents with term": postings summed over fields. */
  docsWithTerm(term: string): number {
    let n = this.dfCache.get(term);
    if (n !== undefined) return n;
    const t = this.termNo(term);
    const o = this.data.offsets;
    n = t < 0 ? 0 : o[(t + 1) * FIELD_COUNT]! - o[t * FIELD_COUNT]!;
    this.dfCache.set(term, n);
    return n;
  }

  /** Index terms starting with `prefix`. */
  expandPrefix(prefix: string): string[] {
    const { terms } = this.data;
    const out: string[] = [];
    for (let i = lowerBound(terms, prefix); i < terms.length && terms[i]!.startsWith(prefix); i++) {
      if (!terms[i]!.startsWith(TAG_MARK)) out.push(terms[i]!);
    }
    return out;
  }

  /** Index terms within `distance` edits of `word` (Lunr's fuzzy matching). */
  expandFuzzy(word: string, distance: number): string[] {
    const { terms } = this.data;
    const stack: TokenNode[][] = [[TokenSet.fromFuzzyString(word, distance)]];
    const out: string[] = [];
    let prev = '';
    let i = lowerBound(terms, String.fromCharCode(TAG_MARK.charCodeAt(0) + 1));
    while (i < terms.length) {
      const t = terms[i]!;
      let depth = 0;
      const max = Math.min(prev.length, t.length, stack.length - 1);
      while (depth < max && prev.charCodeAt(depth) === t.charCodeAt(depth)) depth++;
      stack.length = depth + 1;
      let deadAt = -1;
      for (let k = depth; k < t.length; k++) {
        const next = step(stack[k]!, t[k]!);
        if (next.length === 0) {
          deadAt = k;
          break;
        }
        stack.push(next);
      }
      prev = t;
      if (deadAt >= 0) {
        // No term sharing this prefix can match: jump past all of them.
        stack.length = deadAt + 1;
        prev = t.slice(0, deadAt);
        i = lowerBound(terms, t.slice(0, deadAt + 1) + '\uffff');
        continue;
      }
      if (stack[t.length]!.some((s) => s.final)) out.push(t);
      i++;
    }
    return out;
  }

  /**
   * Calls `visit(position, weight)` for each document holding `term` in `fields`, with the
   * weight before idf (field boost included); a document in several fields comes once each.
   */
  forEachPosting(
    term: string,
    fields: readonly FieldName[],
    visit: (position: number, weight: number) => void,
  ): void {
    const t = this.termNo(term);
    if (t < 0) return;
    const { offsets, docs, weights } = this.data;
    for (const f of fields) {
      const slot = t * FIELD_COUNT + FIELD_NO[f];
      for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) visit(docs[i]!, weights[i]!);
    }
  }
}
