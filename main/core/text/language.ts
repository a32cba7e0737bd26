// Language detection with tinyld, answering "und" rather than guessing.
import { detect } from 'tinyld';

// Below this many letters detectors guess more than they know.
const MIN_LETTERS = 20;
const SAMPLE_CHARS = 4000;

/** ISO 639-1 code of the text's language, or "und" when unsure or the text is too short. */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  // tinyld returns '' when no language is clearly ahead.
  const lang = detect(sample);
  return /^[a-z]{2}$/.test(lang) ? lang : 'und';
}
