// Two versions of a story compared sentence by sentence: sentences cut by the language's
// rules (ICU, through Intl.Segmenter, so Arabic "؟" or Chinese "。" end sentences too),
// compared with spaces folded, and diffed with jsdiff's Myers diff.
import type * as JsDiff from 'diff';
import type { DiffSegment, VersionDiff } from '../../contract/versions';
import { lazyPackage } from '../lazy-package';

const jsdiff = lazyPackage<typeof JsDiff>('diff');

/** One sentence: what is compared (spaces folded) and the text as written, spaces after it. */
export interface Sentence {
  key: string;
  text: string;
}

// Two near-duplicates differ by a few sentences; texts that differ everywhere are shown as
// wholly replaced rather than holding the engine for seconds.
const DIFF_TIMEOUT_MS = 1500;

function segmenter(language: string | undefined): Intl.Segmenter {
  try {
    return new Intl.Segmenter(language && language !== 'und' ? language : undefined, {
      granularity: 'sentence',
    });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}

// V8's segmenter takes time growing with the square of the text's length (5,000 sentences in
// one string took 6.6 s on a busy 2-core machine), so it is given lines, and long lines in
// pieces cut after a sentence end (or at a space, for a sentence longer than a piece): the
// same 5,000 sentences then split in 0.15-0.5 s.
const PIECE = 1_000;
const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u061f\u06d4]["'\u201d\u2019)\]]*\s$/u;

/** The text in lines, and long lines in pieces of at most about PIECE characters. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/(?<=\n)/u)) {
    let rest = line;
    while (rest.length > PIECE) {
      let cut = -1;
      let space = -1;
      for (let i = PIECE; i > PIECE / 4 && cut < 0; i--) {
        if (!/\s/u.test(rest[i - 1]!)) continue;
        if (space < 0) space = i;
        if (SENTENCE_END.test(rest.slice(Math.max(0, i - 4), i))) cut = i;
      }
      const at = cut > 0 ? cut : space > 0 ? space : PIECE;
      out.push(rest.slice(0, at));
      rest = rest.slice(at);
    }
    if (rest !== '') out.push(rest);
  }
  return out;
}

/** Splits a text into sentences; the spaces and line breaks between them stay with the one before. */
export function splitSentences(text: string, language?: string): Sentence[] {
  const out: Sentence[] = [];
  let lead = '';
  const cutter = segmenter(language);
  for (const { segment } of pieces(text).flatMap((piece) => [...cutter.segment(piece)])) {
    const key = segment.replace(/\s+/gu, ' ').trim();
    const last = out[out.length - 1];
    if (key === '') {
      if (last) last.text += segment;
      else lead += segment;
      continue;
    }
    out.push({ key, text: lead + segment });
    lead = '';
  }
  if (lead !== '') out.push({ key: '', text: lead });
  return out;
}

/**
 * How `other` differs from `base`, in `base`'s reading order: runs of sentences both have
 * (`same`, as `base` writes them), only `other` has (`added`) and only `base` has (`removed`).
 */
export function diffSentences(base: string, other: string, language?: string): VersionDiff {
  const a = splitSentences(base, language);
  const b = splitSentences(other, language);
  const changes = jsdiff().diffArrays(a, b, {
    comparator: (x, y) => x.key === y.key,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!changes) {
    const segments: DiffSegment[] = [];
    if (base !== '') segments.push({ kind: 'removed', text: base });
    if (other !== '') segments.push({ kind: 'added', text: other });
    return { segments, added: b.length, removed: a.length, coarse: true };
  }
  const segments: DiffSegment[] = [];
  let added = 0;
  let removed = 0;
  // Shared sentences are taken from `base` (jsdiff gives `other`'s): its spaces and breaks.
  let atA = 0;
  let atB = 0;
  for (const change of changes) {
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    const n = change.value.length;
    const part = kind === 'added' ? b.slice(atB, atB + n) : a.slice(atA, atA + n);
    if (kind !== 'added') atA += n;
    if (kind !== 'removed') atB += n;
    const counted = part.filter((s) => s.key !== '').length;
    if (kind === 'added') added += counted;
    if (kind === 'removed') removed += counted;
    const text = part.map((s) => s.text).join('');
    const last = segments[segments.length - 1];
    // A sentence that ended one text may be followed by one of the other: keep them apart.
    if (last && text !== '' && !/\s$/u.test(last.text) && !/^\s/u.test(text)) last.text += ' ';
    if (last?.kind === kind) last.text += text;
    else if (text !== '') segments.push({ kind, text });
  }
  return { segments, added, removed, coarse: false };
}
