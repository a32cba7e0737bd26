// Turns the decoded text of a news file into title, dateline, clean body and facts about it.
import { articleDateOf } from './article-date';
import { countWords, readingMinutes } from './counts';
import { findDateline } from './dateline';
import { dropTrailingDebris } from './debris';
import { readFrontMatter } from './front-matter';
import { detectLanguage } from './language';
import { reflowLines } from './reflow';

/**
 * The format of the clean body this cleaner produces. Offsets into the body (search match
 * ranges, highlights anchored to the text) are only valid for the version they were made
 * with. 1: paragraphs were the file's lines. 2: hard-wrapped lines are joined into
 * paragraphs; blocks are separated by "\n\n", and the lines of a kept block (list, table,
 * verse, code) by "\n".
 */
export const CLEANER_VERSION = 2;

/** The parts of an article that come from its text alone (cheap: no language detection). */
export interface CleanArticle {
  title: string;
  dateline: string | null;
  place: string | null;
  /**
   * Blocks separated by one blank line ("\n\n"): a paragraph is one line (wrapped lines
   * joined); a list, table, verse or code block keeps its lines, separated by "\n".
   */
  body: string;
}

export interface ParsedArticle extends CleanArticle {
  language: string;
  wordCount: number;
  readingMinutes: number;
  articleDate: string | null;
  excerpt: string;
}

const EXCERPT_CHARS = 200;
// Controls other than tab and line breaks have no place in what is shown or indexed; the
// original text keeps them.
const STRAY_CONTROLS = /(?![\t\n\r])\p{Cc}/gu;
const UNTITLED = 'Untitled';
// A first line longer than this is a paragraph, not a title: the title shows its start and
// the body keeps the whole line.
const MAX_TITLE_CHARS = 300;
const isBlank = (l: string): boolean => l.trim() === '';

/** Splits text into title, dateline and clean body; the original text is not changed. */
export function cleanArticle(text: string): CleanArticle {
  const lines = text
    .replace(/^\ufeff/, '')
    .replace(STRAY_CONTROLS, '')
    .split(/\r\n|\r|\n/);
  let titleAt = lines.findIndex((l) => !isBlank(l));
  if (titleAt < 0) return { title: UNTITLED, dateline: null, place: null, body: '' };
  let title: string;
  let bodyFrom: number;
  const front = readFrontMatter(lines, titleAt);
  if (front) {
    titleAt = lines.findIndex((l, i) => i >= front.next && !isBlank(l));
    if (front.title !== null) {
      title = cleanTitle(front.title);
      bodyFrom = front.next;
    } else if (titleAt >= 0) {
      title = cleanTitle(lines[titleAt]!);
      bodyFrom = titleAt + 1;
    } else {
      return { title: UNTITLED, dateline: null, place: null, body: '' };
    }
  } else {
    title = cleanTitle(lines[titleAt]!);
    bodyFrom = titleAt + 1;
    if (title.length > MAX_TITLE_CHARS) {
      title = shorten(title, MAX_TITLE_CHARS);
      bodyFrom = titleAt;
    }
  }
  const bodyLines = dropTrailingDebris(lines.slice(bodyFrom));
  const paragraphs = toParagraphs(bodyLines);
  let dateline: string | null = null;
  let place: string | null = null;
  const first = paragraphs[0];
  if (first !== undefined) {
    const found = findDateline(first);
    const second = paragraphs[1];
    // A dateline may stand as a paragraph of its own ("LONDON (Reuters) -", blank line, text).
    const alone = !found && second !== undefined ? findDateline(`${first} ${second}`) : null;
    if (found) {
      dateline = found.raw;
      place = found.place;
      paragraphs[0] = found.rest;
    } else if (alone && alone.raw === first.trim()) {
      dateline = alone.raw;
      place = alone.place;
      paragraphs.shift();
    }
  }
  return { title: title || UNTITLED, dateline, place, body: paragraphs.join('\n\n') };
}

/** Parses an article fully: clean parts plus language, counts, date and excerpt. */
export function parseArticle(text: string): ParsedArticle {
  const clean = cleanArticle(text);
  const words = countWords(clean.body);
  const language = detectLanguage(`${clean.title}\n${clean.body}`);
  return {
    ...clean,
    language,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    articleDate: articleDateOf(text, clean, language),
    excerpt: makeExcerpt(clean.body),
  };
}

function cleanTitle(line: string): string {
  return line
    .replace(/^\ufeff/, '')
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+$/, '')
    .trim();
}

/** The body's blocks, each with its lines joined by "\n" (one line for a paragraph). */
function toParagraphs(lines: string[]): string[] {
  return reflowLines(lines).map((block) => block.join('\n'));
}

function makeExcerpt(body: string): string {
  // The excerpt needs only the start of a long body: flattened from a prefix that holds more
  // than EXCERPT_CHARS characters, it is the excerpt of the whole (the whole is longer still).
  const head = body
    .slice(0, EXCERPT_CHARS * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (head.length < body.length && codePointEnd(head, EXCERPT_CHARS + 1) < head.length) {
    return shorten(head, EXCERPT_CHARS);
  }
  return shorten(body.replace(/\s+/g, ' ').trim(), EXCERPT_CHARS);
}

/**
 * The offset after the first `count` characters of `text` (code points, as spreading a string
 * counts them: a lone surrogate is one), or its length when it has fewer.
 */
function codePointEnd(text: string, count: number): number {
  let end = 0;
  for (let n = 0; n < count && end < text.length; n++) {
    const c = text.charCodeAt(end);
    const pair = c >= 0xd800 && c <= 0xdbff && end + 1 < text.length;
    const lo = pair ? text.charCodeAt(end + 1) : 0;
    end += pair && lo >= 0xdc00 && lo <= 0xdfff ? 2 : 1;
  }
  return end;
}

/** Cuts text to at most `max` characters, at a space when one is near, with an ellipsis. */
function shorten(flat: string, max: number): string {
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, codePointEnd(flat, max));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
