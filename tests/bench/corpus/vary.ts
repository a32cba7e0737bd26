// Deterministic variants of an article, used when a benchmark size needs more texts
// than the corpora hold. A variant keeps the title and the language, reorders the
// paragraphs and the sentences inside them, swaps some words for words of a donor
// article, and ends with a unique serial, so no two variants share an id or a body.
import { pick, seededRng, shuffled } from './prng';

export interface BenchDoc {
  /** Path of the file relative to the corpus folder. */
  name: string;
  text: string;
  /** Original bytes to write instead of `text` (keeps non-UTF-8 files as they are). */
  bytes?: Uint8Array;
}

/** Share of body words replaced by donor words. */
const SWAP_RATE = 0.08;

/** A variant of `text` fixed by `seed`; `donor` supplies replacement words. */
export function varyText(text: string, donor: string, seed: number, serial: string): string {
  const rng = seededRng(seed);
  const { title, paragraphs } = splitArticle(text);
  const donorWords = donor.split(/\s+/).filter((w) => /\p{L}{3,}/u.test(w));
  const body = shuffled(paragraphs, rng).map((p) => {
    const sentences = shuffled(splitSentences(p), rng).join(' ');
    if (donorWords.length === 0) return sentences;
    return sentences
      .split(' ')
      .map((w) => (rng() < SWAP_RATE ? donorWords[pick(rng, donorWords.length)]! : w))
      .join(' ');
  });
  return `${title}\n\n${body.join('\n\n')}\n\nSerial ${serial}\n`;
}

/** Title (first non-empty line) and body paragraphs (blank-line or indent separated). */
export function splitArticle(text: string): { title: string; paragraphs: string[] } {
  const trimmed = text.replace(/\r\n?/g, '\n').trim();
  const nl = trimmed.indexOf('\n');
  const title = (nl < 0 ? trimmed : trimmed.slice(0, nl)).trim();
  const rest = nl < 0 ? '' : trimmed.slice(nl + 1);
  const paragraphs = rest
    .split(/\n\s*\n|\n(?= {2,}|\t)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { title, paragraphs: paragraphs.length > 0 ? paragraphs : [title] };
}

/** Splits on sentence ends (Latin and Arabic punctuation). */
export function splitSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?؟])\s+/).filter((s) => s.length > 0);
}
