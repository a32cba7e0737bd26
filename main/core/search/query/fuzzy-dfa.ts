// Lunr's fuzzy automaton (TokenSet.fromFuzzyString), determinised lazily: a state is a set
// of Lunr nodes, and each (state, character) step is computed once and then looked up.
// Walking a segment's sorted terms then costs a map lookup per character instead of
// building node lists; the automaton itself is Lunr's, so the accepted words are too.
import lunr from 'lunr';

interface TokenNode {
  id: number;
  final: boolean;
  edges: Record<string, TokenNode>;
}

const TokenSet = lunr.TokenSet as typeof lunr.TokenSet & {
  fromFuzzyString(s: string, editDistance: number): TokenNode;
};

/** State number for "no term with this prefix can match". */
export const DEAD = -1;

export class FuzzyDfa {
  private readonly nodes: TokenNode[][] = [];
  private readonly finals: boolean[] = [];
  private readonly next: Map<string, number>[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(word: string, distance: number) {
    this.intern([TokenSet.fromFuzzyString(word, distance)]);
  }

  /** The start state. */
  readonly start = 0;

  /** True when a term ending in this state matches. */
  isFinal(state: number): boolean {
    return this.finals[state]!;
  }

  /** The state after reading `ch`, or DEAD. */
  step(state: number, ch: string): number {
    const cached = this.next[state]!.get(ch);
    if (cached !== undefined) return cached;
    const out: TokenNode[] = [];
    for (const s of this.nodes[state]!) {
      const a = s.edges[ch];
      const b = s.edges['*'];
      if (a && !out.includes(a)) out.push(a);
      if (b && !out.includes(b)) out.push(b);
    }
    const to = out.length === 0 ? DEAD : this.intern(out);
    this.next[state]!.set(ch, to);
    return to;
  }

  private intern(nodes: TokenNode[]): number {
    const key = nodes
      .map((n) => n.id)
      .sort((a, b) => a - b)
      .join(',');
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.nodes.length;
      this.byKey.set(key, n);
      this.nodes.push(nodes);
      this.finals.push(nodes.some((s) => s.final));
      this.next.push(new Map());
    }
    return n;
  }
}

// The same word is expanded in every segment; its automaton is built once.
const DFA_LIMIT = 64;
const dfas = new Map<string, FuzzyDfa>();

/** The (memoised) automaton for `word` within `distance` edits. */
export function fuzzyDfa(word: string, distance: number): FuzzyDfa {
  const key = `${distance}\u0000${word}`;
  let d = dfas.get(key);
  if (!d) {
    if (dfas.size >= DFA_LIMIT) dfas.delete(dfas.keys().next().value!);
    d = new FuzzyDfa(word, distance);
    dfas.set(key, d);
  }
  return d;
}
