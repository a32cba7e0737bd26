// A memo keyed by words as spans of a text: the word is hashed and compared where it lies,
// so looking up an article's words makes no string per word. Scanning a whole article for the
// few terms the tagging rules name costs a few hash probes per word instead of a substring
// and a Map lookup each.

// Entries kept before the table starts afresh (a memo, not a store: values are recomputed).
const LIMIT = 100_000;
const FIRST_SLOTS = 1 << 12;

// The span hash is FNV-1a over UTF-16 code units: h = imul(h ^ unit, SPAN_HASH_PRIME) from
// SPAN_HASH_SEED.
/** The hash of an empty span. */
export const SPAN_HASH_SEED = 0x811c9dc5 | 0;
/** The multiplier of each step of the span hash. */
export const SPAN_HASH_PRIME = 0x01000193;

/** The hash SpanTable keys the word text[start, end) by. */
export function spanHash(text: string, start: number, end: number): number {
  let h = SPAN_HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), SPAN_HASH_PRIME);
  return h;
}

/** Values computed once per distinct word, looked up by (text, start, end). */
export class SpanTable<V> {
  private slots = new Int32Array(FIRST_SLOTS);
  private hashes = new Int32Array(FIRST_SLOTS);
  private keys: string[] = [];
  private values: V[] = [];

  /** `make`: the value of a word, given as a string the first time it is met. */
  constructor(private readonly make: (word: string) => V) {}

  /** Number of words held. */
  get size(): number {
    return this.keys.length;
  }

  /** The value of the word text[start, end). */
  get(text: string, start: number, end: number): V {
    return this.getHashed(text, start, end, spanHash(text, start, end));
  }

  /**
   * `get` for a word whose spanHash `h` is known (a scanner that hashes as it reads the text
   * saves a second pass over each word).
   */
  getHashed(text: string, start: number, end: number, h: number): V {
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const entry = this.slots[s]!;
      if (entry === 0) return this.insert(text.slice(start, end), h);
      const key = this.keys[entry - 1]!;
      // startsWith compares in place (no substring), natively.
      if (this.hashes[s] === h && key.length === end - start && text.startsWith(key, start)) {
        return this.values[entry - 1]!;
      }
    }
  }

  private insert(word: string, h: number): V {
    const value = this.make(word);
    if (this.keys.length >= LIMIT) this.clear();
    // Kept at most half full, so probes stay short.
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    this.keys.push(word);
    this.values.push(value);
    this.place(h, this.keys.length);
    return value;
  }

  private place(h: number, entry: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = entry;
    this.hashes[s] = h;
  }

  private grow(): void {
    const old = { slots: this.slots, hashes: this.hashes };
    this.slots = new Int32Array(old.slots.length * 2);
    this.hashes = new Int32Array(old.slots.length * 2);
    for (let s = 0; s < old.slots.length; s++) {
      if (old.slots[s] !== 0) this.place(old.hashes[s]!, old.slots[s]!);
    }
  }

  private clear(): void {
    this.slots = new Int32Array(FIRST_SLOTS);
    this.hashes = new Int32Array(FIRST_SLOTS);
    this.keys = [];
    this.values = [];
  }
}
