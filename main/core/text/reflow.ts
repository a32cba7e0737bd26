// Rebuilds paragraphs from hard-wrapped text (newswire copy, e-mail archives, text wrapped at
// 60-80 columns): wrapped lines are joined; lists, tables of figures, verse and code stay as
// lines. Works on line shapes only, so it applies to any script.

/** A block of the clean body: prose is one line; kept blocks (lists, tables, verse) several. */
export type Block = string[];

// Wrapped text is narrower than this many columns; longer lines were written unwrapped.
const MAX_WRAP = 120;
const MIN_WRAP = 24;
// Share of lines (not ending a block) that must reach 80% of the wrap width for the text to
// count as hard-wrapped: prose wrapped by a program fills its lines.
const FULL_SHARE = 0.5;
// A chunk of wrapped text with fewer of its lines filling the width is verse.
const STANZA_SHARE = 0.25;
// Lines at most this wide, several in a row with nothing joined, are verse or an address.
const VERSE_MAX = 60;

const LIST_ITEM =
  /^\s*(?:[-*+•·◦▪‣–]\s+|(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s+|\(\d{1,3}\)\s+)/u;
const MD_HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const MD_RULE = /^\s{0,3}(?:[-*_]\s*){3,}$/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const QUOTE = /^\s{0,3}>/;
const TABLE_PIPE = /^\s*\|.*\|\s*$/;
// Aligned columns: a tab or a run of two or more spaces between two non-blank characters
// (not after a full stop, where typists put two spaces).
const ALIGNED = /[^\s.!?:;](?:\t| {2,})\S/g;
const FIGURE = /\d/g;
const SENTENCE_END = /[.!?…:;。！？；：؟۔।॥][\p{Pf}\p{Pe}"'»]*$/u;
// Initials (U.S., J.) and common titles end with a full stop but rarely end a sentence.
const ABBREVIATION =
  /(?:^|[\s(])(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|vs|No)\.)$/u;
const endsSentence = (text: string): boolean => SENTENCE_END.test(text) && !ABBREVIATION.test(text);
// East Asian wide characters: a column of text holds half as many.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
// Scripts written without spaces between words: their wrapped lines join with nothing between.
const NO_SPACE_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\uff00-\uffef]/u;

// Nothing below U+1100 is wide or a surrogate: most lines of most scripts need no walk.
const MAYBE_WIDE = /[\u1100-\uffff]/;

/** Display width in columns (wide East Asian characters count two). */
export function columns(text: string): number {
  // Line shapes are measured many times per line; a per-character test was most of the cost.
  if (!MAYBE_WIDE.test(text)) return text.length;
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

const indentOf = (line: string): number => columns(/^\s*/.exec(line)![0].replace(/\t/g, '    '));

/** Width of what the next line starts with: its first word, or one character of a no-space script. */
function firstWordColumns(line: string): number {
  const text = line.trimStart();
  const first = [...text][0] ?? '';
  if (NO_SPACE_SCRIPT.test(first)) return columns(first);
  return columns(/^\S*/u.exec(text)![0]);
}

/**
 * True for a line that is a row of a table: aligned columns, pipes, or a short line of
 * figures that does not end a sentence (wire copy's "Shr 1.06 dlrs vs 98 cts").
 */
function isRow(line: string, width: number | null): boolean {
  const text = line.trim();
  if (TABLE_PIPE.test(text)) return true;
  const gaps = text.match(ALIGNED)?.length ?? 0;
  if (gaps >= 2) return true;
  const short = !SENTENCE_END.test(text) && (width === null || columns(text) < width * 0.8);
  if (gaps === 1 && short) return true;
  const figures = text.match(FIGURE)?.length ?? 0;
  if (text.length === 0 || figures < 2 || figures / text.length < 0.2) return false;
  return short;
}

type Kind = 'prose' | 'item' | 'row' | 'heading' | 'quote';

// Invisible format characters (bidi marks around "1." in Arabic text) do not change a shape.
const FORMAT_CHARS = /\p{Cf}/gu;

// The width-free kind of a line is asked for several times per line (wrap width, fill,
// chunking); one body is reflowed at a time, so a small cache keyed by the line is enough.
const plainKinds = new Map<string, Kind>();

function kindOf(raw: string, width: number | null = null): Kind {
  if (width !== null) return kindOfLine(raw, width);
  let kind = plainKinds.get(raw);
  if (kind === undefined) {
    if (plainKinds.size > 4096) plainKinds.clear();
    kind = kindOfLine(raw, null);
    plainKinds.set(raw, kind);
  }
  return kind;
}

function kindOfLine(raw: string, width: number | null): Kind {
  const line = raw.replace(FORMAT_CHARS, '');
  if (MD_HEADING.test(line) || MD_RULE.test(line)) return 'heading';
  if (QUOTE.test(line)) return 'quote';
  if (LIST_ITEM.test(line)) return 'item';
  if (isRow(line, width)) return 'row';
  return 'prose';
}

/**
 * The wrap width of the text (columns), or null when it is not hard-wrapped. A few overlong
 * lines (a URL, a table) do not widen it: lines past 1.25x the 90th percentile are ignored.
 */
function wrapWidth(chunks: string[][]): number | null {
  const widths: number[] = [];
  for (const chunk of chunks)
    for (const line of chunk) if (kindOf(line) === 'prose') widths.push(columns(line.trim()));
  if (widths.length < 3) return null;
  widths.sort((a, b) => a - b);
  const p90 = widths[Math.ceil((widths.length - 1) * 0.9)]!;
  // (No spread into Math.max: a big file has more lines than a call takes arguments.)
  const width = widths.reduce((max, w) => (w <= p90 * 1.25 && w > max ? w : max), 0);
  if (width < MIN_WRAP || width > MAX_WRAP) return null;
  // Wrapped text has hardly a line far past its width; lines of any length are not wrapped.
  if (widths.filter((w) => w > width * 1.5).length > widths.length * 0.1) return null;
  // Two or three lines are too few to tell wrapped prose from short lines of verse, unless
  // every line after one starts in lower case: a sentence does not.
  // Stanzas (chunks whose lines do not fill the width) are left to chunkBlocks.
  let [inner, full, lower, cased] = [0, 0, 0, 0];
  for (const chunk of chunks) {
    const own = fill([chunk], width);
    if (isStanza(own)) continue;
    inner += own.inner;
    full += own.full;
    lower += own.lower;
    cased += own.cased;
  }
  if (inner === 0 || full / inner < FULL_SHARE) return null;
  // In a script with case, wrapped sentences go on in lower case on the next line; verse
  // starts its lines with capitals.
  if (cased >= inner / 2 && lower < inner / 4) return null;
  return inner >= 3 || lower === inner ? width : null;
}

/**
 * Lines that may run on (prose followed by prose at the same indent), and how many of them
 * fill the width: most do when a program wrapped the text; verse and one-line paragraphs not.
 */
function fill(
  chunks: string[][],
  width: number,
): { inner: number; full: number; lower: number; cased: number } {
  let inner = 0;
  let full = 0;
  let lower = 0;
  let cased = 0;
  for (const chunk of chunks)
    for (let i = 0; i + 1 < chunk.length; i++) {
      const [line, next] = [chunk[i]!, chunk[i + 1]!];
      if (kindOf(line) !== 'prose' || kindOf(next) !== 'prose') continue;
      if (indentOf(next) > indentOf(line)) continue;
      inner++;
      if (columns(line.trim()) >= width * 0.8) full++;
      if (/^\p{Ll}/u.test(next.trim())) lower++;
      if (/^[\p{Ll}\p{Lu}]/u.test(next.trim())) cased++;
    }
  return { inner, full, lower, cased };
}

/** True for a chunk of several lines that hardly any fill the width: verse, not prose. */
const isStanza = (own: { inner: number; full: number }): boolean =>
  own.inner >= 2 && own.full / own.inner < STANZA_SHARE;

/** Joins two wrapped lines: no space in scripts without spaces, nor after a word's hyphen. */
export function joinWrapped(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  // A soft hyphen at the end of a line is clearly a break inside a word.
  if (left.endsWith('\u00ad')) return left.slice(0, -1) + right;
  // Only the ends are looked at: `left` grows as a paragraph's lines are joined, so anything
  // that walks all of it makes a long paragraph quadratic.
  const end = left.slice(-4);
  const last = [...end].pop() ?? '';
  const first = String.fromCodePoint(right.codePointAt(0) ?? 32);
  if (NO_SPACE_SCRIPT.test(last) && NO_SPACE_SCRIPT.test(first)) return left + right;
  // "well-" + "known": the hyphen stays (it may be part of the word) and no space is added.
  if (/\p{L}[-\u2010]$/u.test(end) && /^\p{L}/u.test(first)) return left + right;
  return `${left} ${right}`;
}

interface Unit {
  lines: string[];
  kind: Kind;
  /** Why the unit before ended: a new list item, an indent, a short line, or the chunk's start. */
  after: 'start' | 'indent' | 'short' | 'kind';
}

/**
 * Groups the lines of a body into blocks: prose paragraphs (wrapped lines joined, when the
 * text is hard-wrapped) and kept blocks of lines (lists, tables, verse, code, quotes).
 */
export function reflowLines(lines: string[]): Block[] {
  const chunks = splitChunks(lines);
  const width = wrapWidth(chunks.filter((c) => !c.fenced).map((c) => c.lines));
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    // A blank line inside code keeps a space, so that "\n\n" only ever separates blocks.
    if (chunk.fenced) blocks.push(chunk.lines.map((l) => l.trimEnd() || ' '));
    else blocks.push(...chunkBlocks(chunk.lines, width));
  }
  return blocks.filter((b) => b.some((l) => l.trim() !== ''));
}

/** Blank-line separated chunks; fenced code (```) is one chunk kept as it is. */
function splitChunks(lines: string[]): { lines: string[]; fenced: boolean }[] {
  const chunks: { lines: string[]; fenced: boolean }[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) chunks.push({ lines: current, fenced: false });
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      const close = lines.findIndex((l, j) => j > i && FENCE.test(l));
      if (close > i) {
        flush();
        chunks.push({ lines: lines.slice(i, close + 1), fenced: true });
        i = close;
        continue;
      }
    }
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return chunks;
}

function chunkBlocks(chunk: string[], textWidth: number | null): Block[] {
  // A stanza in wrapped prose: its lines do not fill the width, so none is joined.
  const own = textWidth === null ? null : fill([chunk], textWidth);
  const width = own && isStanza(own) ? null : textWidth;
  const base = chunk.reduce((min, l) => Math.min(min, indentOf(l)), Infinity);
  const units: Unit[] = [];
  let unit: Unit = { lines: [chunk[0]!], kind: kindOf(chunk[0]!, width), after: 'start' };
  for (let i = 1; i < chunk.length; i++) {
    const prev = chunk[i - 1]!;
    const line = chunk[i]!;
    const kind = kindOf(line, width);
    const cont = continues(unit, prev, line, kind, base, width);
    if (cont === true) {
      unit.lines.push(line);
    } else {
      units.push(unit);
      unit = { lines: [line], kind, after: cont };
    }
  }
  units.push(unit);
  return groupUnits(units, width);
}

/** True when `line` continues the unit; else why a new one starts. */
function continues(
  unit: Unit,
  prev: string,
  line: string,
  kind: Kind,
  base: number,
  width: number | null,
): true | Unit['after'] {
  // A list item's wrapped text is indented past its marker, or follows a full line.
  if (unit.kind === 'item' && kind !== 'item' && kind !== 'heading' && width !== null) {
    if (indentOf(line) > indentOf(unit.lines[0]!)) return true;
    const used = columns(prev.trim());
    const full = used + 1 + firstWordColumns(line) > width && used <= width * 1.25;
    return full && kind === 'prose' && indentOf(line) <= base ? true : 'kind';
  }
  if (kind !== 'prose' || unit.kind !== 'prose') return 'kind';
  if (width === null) return 'short';
  // Markdown's hard line break: two trailing spaces or a backslash.
  if (/ {2,}$|\\$/.test(prev)) return 'short';
  // An indented first line starts a paragraph (wire copy indents every paragraph).
  if (indentOf(line) > base) return 'indent';
  const text = prev.trim();
  // A line far wider than the text's wrap width was not wrapped.
  if (columns(text) > width * 1.5) return 'short';
  // A short line that ends a sentence ends a paragraph: a wrapping program would have
  // moved the next word up.
  if (endsSentence(text) && columns(text) + 1 + firstWordColumns(line) <= width) return 'short';
  return true;
}

/**
 * Prose units become paragraphs; runs of list items, table rows and quote lines, and runs of
 * short lines nothing was joined to (verse, an address: three in wrapped text, two in text
 * that is not wrapped) become kept blocks.
 */
function groupUnits(units: Unit[], width: number | null): Block[] {
  const short = (u: Unit) =>
    u.kind === 'prose' && u.lines.length === 1 && columns(u.lines[0]!.trim()) <= VERSE_MAX;
  // In text that is not wrapped, an item as long as a paragraph (an interview's "- answer")
  // reads as a paragraph.
  const longItem = (u: Unit) =>
    u.kind === 'item' && width === null && columns(u.lines.join(' ')) > MAX_WRAP;
  const kept = units.map(
    (u) => (u.kind === 'item' && !longItem(u)) || u.kind === 'row' || u.kind === 'quote',
  );
  for (let i = 0; i < units.length;) {
    // A run of short lines; an indented one starts a new paragraph, so it starts a new run.
    let end = i;
    while (
      end < units.length &&
      short(units[end]!) &&
      (end === i || units[end]!.after !== 'indent')
    )
      end++;
    // Lines that each end a sentence are one-line paragraphs, not verse.
    const ended = units.slice(i, end).filter((u) => endsSentence(u.lines[0]!.trim())).length;
    const verse = end - i >= (width === null ? 2 : 3) && ended <= (end - i) / 2;
    if (verse) for (let j = i; j < end; j++) kept[j] = true;
    i = Math.max(end, i + 1);
  }
  const blocks: Block[] = [];
  let run: string[] = [];
  units.forEach((u, i) => {
    if (!kept[i]) {
      if (run.length) blocks.push(run);
      run = [];
      blocks.push([joinUnit(u.lines, u.kind === 'prose')]);
    } else if (u.kind === 'item') run.push(joinUnit(u.lines, true));
    else run.push(...u.lines.map((l) => l.trimEnd()));
  });
  if (run.length) blocks.push(run);
  return blocks;
}

/** One unit's text: prose and list items joined as wrapped lines, else lines kept. */
function joinUnit(lines: string[], wrapped: boolean): string {
  if (!wrapped || lines.length === 1)
    return lines
      .map((l) => l.trimEnd())
      .join('\n')
      .trimStart();
  return lines.reduce((acc, l) => joinWrapped(acc, l)).trim();
}
