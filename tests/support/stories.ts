// Synthetic news stories and versions of them, for the near-duplicate tests: words made of
// random syllables (no corpus), drawn by a seeded generator so that every run is the same.

/** A seeded generator of numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'lo', 'mir', 'ten', 'sa', 'vu', 'dre', 'po', 'qui', 'zan', 'el', 'bor'];

/** A vocabulary of `n` distinct made-up words. */
export function vocabulary(n: number, rand: () => number): string[] {
  // 12^2 + 12^3 + 12^4 words can be made; drawing close to all of them would take long.
  if (n > 20_000) throw new Error(`at most 20,000 words, not ${n}`);
  const words = new Set<string>();
  while (words.size < n) {
    const parts = 2 + Math.floor(rand() * 3);
    let w = '';
    for (let i = 0; i < parts; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/** A story: a title line, then `paragraphs` paragraphs of 40 to 80 words. */
export function story(rand: () => number, vocab: string[], paragraphs = 6): string {
  const pick = () => vocab[Math.floor(rand() * vocab.length)]!;
  const title = `${pick()} ${pick()} ${pick()}`;
  const paras: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const n = 40 + Math.floor(rand() * 40);
    paras.push(Array.from({ length: n }, pick).join(' ') + '.');
  }
  return `${title}\n\n${paras.join('\n\n')}\n`;
}

/** The paragraphs of a story (its title first). */
const parts = (text: string): string[] => text.trimEnd().split('\n\n');

/** Ways a republished version differs from the story. */
export const VERSIONS = {
  headline: (text: string) => ['A new headline for it', ...parts(text).slice(1)].join('\n\n'),
  firstParagraphCut: (text: string) => {
    const p = parts(text);
    return [p[0], ...p.slice(2)].join('\n\n');
  },
  lastParagraphCut: (text: string) => parts(text).slice(0, -1).join('\n\n'),
  dateline: (text: string) => {
    const [title, first, ...rest] = parts(text);
    return [title, `PARIS, March 3 (Agency) - ${first}`, ...rest].join('\n\n');
  },
  wordsSubstituted: (text: string, rand: () => number, vocab: string[]) =>
    text.replace(/\p{L}+/gu, (w) =>
      rand() < 0.05 ? vocab[Math.floor(rand() * vocab.length)]! : w,
    ),
};
