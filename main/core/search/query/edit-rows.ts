// Edit distance of one query word to a term read one character at a time: the rows of the
// Damerau–Levenshtein table (optimal string alignment: insert, delete, substitute, or swap two
// neighbours, as Lucene's FuzzyQuery counts), kept per depth so a sorted term list can be
// walked as a trie. Only the band of 2d + 1 cells around the diagonal can stay within d edits,
// so a step costs the same for a 3-letter word as for a 255-letter one, and nothing is built
// up front (Lunr's fuzzy automaton grew as the cube of the word's length: a 320-letter word
// exhausted a 4 GB heap).

/** Rows of the edit-distance table of `word` against the term being read, up to `distance`. */
export class EditRows {
  private readonly word: Uint16Array;
  private readonly width: number;
  private readonly over: number;
  private rows: Uint8Array;
  private chars: Uint16Array;

  constructor(
    word: string,
    readonly distance: number,
  ) {
    // Code units, as terms are compared everywhere else (sorting, prefixes).
    this.word = new Uint16Array(word.length);
    for (let i = 0; i < word.length; i++) this.word[i] = word.charCodeAt(i);
    this.width = 2 * distance + 1;
    this.over = distance + 1;
    this.rows = new Uint8Array(this.width * 64);
    this.chars = new Uint16Array(64);
    // Row 0 (empty term): column j costs j edits.
    for (let k = 0; k < this.width; k++) {
      const j = k - distance;
      this.rows[k] = j < 0 || j > this.word.length ? this.over : Math.min(j, this.over);
    }
  }

  /**
   * Reads character `c` at position `depth` of the term (rows 0..depth must be those of the
   * term's first `depth` characters) and computes row depth + 1; false when no term starting
   * with these depth + 1 characters is within the distance.
   */
  step(depth: number, c: number): boolean {
    const i = depth + 1;
    this.ensure(i);
    const { word, width, over, distance: d, rows } = this;
    const n = word.length;
    this.chars[depth] = c;
    const base = i * width;
    const prev = base - width;
    const prev2 = prev - width;
    const before = i >= 2 ? this.chars[depth - 1]! : -1;
    let min = over;
    for (let k = 0; k < width; k++) {
      const j = i - d + k;
      let v = over;
      if (j === 0) v = i;
      else if (j > 0 && j <= n) {
        v = rows[prev + k]! + (c === word[j - 1] ? 0 : 1);
        if (k + 1 < width) v = Math.min(v, rows[prev + k + 1]! + 1);
        if (k > 0) v = Math.min(v, rows[base + k - 1]! + 1);
        if (j >= 2 && c === word[j - 2] && before === word[j - 1]) {
          v = Math.min(v, rows[prev2 + k]! + 1);
        }
      }
      if (v > over) v = over;
      rows[base + k] = v;
      if (v < min) min = v;
    }
    return min <= d;
  }

  /** Edit distance between the word and the term's first `length` characters (distance + 1 when over). */
  distanceAt(length: number): number {
    const k = this.word.length - length + this.distance;
    return k < 0 || k >= this.width ? this.over : this.rows[length * this.width + k]!;
  }

  private ensure(row: number): void {
    if ((row + 1) * this.width <= this.rows.length) return;
    let size = this.rows.length * 2;
    while ((row + 1) * this.width > size) size *= 2;
    const rows = new Uint8Array(size);
    rows.set(this.rows);
    this.rows = rows;
    const chars = new Uint16Array(size / this.width);
    chars.set(this.chars);
    this.chars = chars;
  }
}
