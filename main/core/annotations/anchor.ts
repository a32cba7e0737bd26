// Finding a highlighted passage again in an article's clean text, which may have been cleaned
// differently since (paragraphs rebuilt, debris rules changed). The stored W3C selectors are
// tried in order, as Hypothesis's client does: the position, if the quote is still there;
// else every exact occurrence of the quote, the one whose context (prefix, suffix) and place
// fit best; else an approximate match of the quote with a bounded number of errors, scored
// the same way. A passage none of these places is orphaned, never moved somewhere wrong.
import search from 'approx-string-match';
import { LIMITS } from '../../contract/limits';
import type { TextPositionSelector, TextQuoteSelector } from '../../contract/highlights';

/** Where a passage lies in a text: [start, end) in UTF-16 code units. */
export interface Placed {
  start: number;
  end: number;
}

/** The selectors describing [start, end) of `text`. */
export function describeRange(
  text: string,
  start: number,
  end: number,
): [TextQuoteSelector, TextPositionSelector] {
  const context = LIMITS.quoteContext;
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

// The weights of Hypothesis's quote matcher: the quote counts most, then its context, then
// how near it is to where it was.
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const PLACE_WEIGHT = 2;
// Errors allowed in an approximate match, as a share of the quote's length (and at most).
const ERROR_SHARE = 0.25;
const MAX_ERRORS = 256;
// An approximate match of a quote shorter than this must also agree with half its context:
// a few changed letters of a short quote could be anywhere.
const SHORT_QUOTE = 32;
// Quotes longer than this are matched approximately by their two ends (the bit-vector search
// costs text length × quote length / 32).
const LONG_QUOTE = 512;

/** How much of `b` (0..1) a bounded approximate match of `a` found. */
function similarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 1 : 0;
  const errors = Math.min(MAX_ERRORS, Math.ceil(a.length * ERROR_SHARE));
  const found = search(b, a, errors);
  if (found.length === 0) return 0;
  const best = Math.min(...found.map((m) => m.errors));
  return 1 - best / a.length;
}

/** The score of a candidate place (quote fidelity, context, nearness); null: not credible. */
function score(
  text: string,
  at: Placed,
  errors: number,
  quote: TextQuoteSelector,
  hint: number,
): number | null {
  const quoteScore = 1 - errors / Math.max(1, quote.exact.length);
  const before = text.slice(Math.max(0, at.start - quote.prefix.length), at.start);
  const after = text.slice(at.end, at.end + quote.suffix.length);
  const prefixScore = quote.prefix ? similarity(quote.prefix, before) : 1;
  const suffixScore = quote.suffix ? similarity(quote.suffix, after) : 1;
  if (errors > 0 && quote.exact.length < SHORT_QUOTE && prefixScore + suffixScore < 1) return null;
  const placeScore = 1 - Math.abs(at.start - hint) / Math.max(1, text.length);
  return (
    QUOTE_WEIGHT * quoteScore +
    CONTEXT_WEIGHT * prefixScore +
    CONTEXT_WEIGHT * suffixScore +
    PLACE_WEIGHT * placeScore
  );
}

/** Every exact occurrence of `exact` in `text`. */
function occurrences(text: string, exact: string): Placed[] {
  const out: Placed[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    out.push({ start: at, end: at + exact.length });
  }
  return out;
}

/** Approximate places of a quote, with their error counts. */
function approximate(text: string, exact: string): { at: Placed; errors: number }[] {
  const errors = Math.min(MAX_ERRORS, Math.floor(exact.length * ERROR_SHARE));
  if (exact.length <= LONG_QUOTE) {
    return search(text, exact, errors).map((m) => ({
      at: { start: m.start, end: m.end },
      errors: m.errors,
    }));
  }
  // A long quote: find its head and tail, and take the span between a head and the tail after it.
  const head = exact.slice(0, LONG_QUOTE / 2);
  const tail = exact.slice(-LONG_QUOTE / 2);
  const share = Math.floor((LONG_QUOTE / 2) * ERROR_SHARE);
  const heads = search(text, head, share);
  const tails = search(text, tail, share);
  const out: { at: Placed; errors: number }[] = [];
  for (const h of heads) {
    const t = tails.find((x) => x.end > h.start);
    if (!t) continue;
    const span = t.end - h.start;
    // The span must be about as long as the quote.
    if (Math.abs(span - exact.length) > errors) continue;
    out.push({ at: { start: h.start, end: t.end }, errors: h.errors + t.errors });
  }
  return out;
}

/** Where the passage the selectors describe is in `text`; null when it cannot be placed. */
export function anchorRange(
  text: string,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
): Placed | null {
  const { exact } = quote;
  if (exact.length === 0) return null;
  if (text.slice(position.start, position.end) === exact) {
    return { start: position.start, end: position.end };
  }
  const exactPlaces = occurrences(text, exact);
  const candidates =
    exactPlaces.length > 0
      ? exactPlaces.map((at) => ({ at, errors: 0 }))
      : approximate(text, exact);
  let best: Placed | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const s = score(text, c.at, c.errors, quote, position.start);
    if (s !== null && s > bestScore) {
      best = c.at;
      bestScore = s;
    }
  }
  return best;
}
