// Character classes computed once per character: BMP code units in a table, astral code points
// (surrogate pairs) in a map. Scanners that walk every character of every article (the word
// scanner, the word counter) read a class per character instead of testing expressions.

/** Classes of characters, each computed once by `classify` (which never returns 0). */
export class CodePointClasses {
  /** Each BMP code unit's class, 0 until first met (surrogates are never filled here). */
  readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Map<number, number>();

  /** `pair`: the flag added to the class of a character that takes two code units. */
  constructor(
    private readonly classify: (ch: string) => number,
    private readonly pair: number,
  ) {}

  /** The class of the character at `i`, with the pair flag when it is a surrogate pair. */
  at(text: string, i: number): number {
    const c = text.charCodeAt(i);
    const cls = this.bmp[c]!;
    return cls !== 0 && (c < 0xd800 || c > 0xdbff) ? cls : this.slow(text, i, c);
  }

  /** `at` for a code unit `c` not in the table yet, or a high surrogate. */
  slow(text: string, i: number, c: number): number {
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = (c - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
        let cls = this.astral.get(cp);
        if (cls === undefined) this.astral.set(cp, (cls = this.classify(String.fromCodePoint(cp))));
        return cls | this.pair;
      }
    }
    let cls = this.bmp[c]!;
    // A lone surrogate is classified alone: no letter.
    if (cls === 0) this.bmp[c] = cls = this.classify(String.fromCharCode(c));
    return cls;
  }
}
