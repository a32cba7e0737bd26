// A DOM selection in the rendered body maps back to offsets in the clean body: within a
// paragraph, through highlight and match marks, across paragraphs, in RTL text, clamped to the
// body when it starts outside, and refused when empty or outside.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../main/contract/highlights';
import type { ArticleView } from '../../../main/contract/types';
import { fakeArticle } from '../app/fake-main';
import { ReaderBody } from '../reader/ReaderBody';
import { rangeToBodyOffsets } from './selection-offsets';

afterEach(cleanup);

function highlight(article: ArticleView, start: number, end: number, n = 1): Highlight {
  return {
    id: `${article.id}-${n.toString(16).padStart(8, '0')}`,
    articleId: article.id,
    exact: article.body.slice(start, end),
    note: '',
    color: 'green',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    start,
    end,
    orphaned: false,
  };
}

function show(article: ArticleView) {
  render(<ReaderBody article={article} showOriginal={false} currentMatch={-1} />);
  return document.querySelector('.article-body')!;
}

/** The text node of `root` holding `needle`, and the offset of `needle` in it. */
function locate(root: Element, needle: string): [Text, number] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(needle);
    if (at !== -1) return [n as Text, at];
  }
  throw new Error(`"${needle}" is not in one text node`);
}

/** A range from the start of `from` to the end of `to` (each inside one text node). */
function rangeOver(root: Element, from: string, to: string): Range {
  const range = document.createRange();
  const [a, aAt] = locate(root, from);
  const [b, bAt] = locate(root, to);
  range.setStart(a, aAt);
  range.setEnd(b, bAt + to.length);
  return range;
}

describe('selection to body offsets', () => {
  const body = 'The first paragraph of text.\n\nA second one, after a blank line.\n\nA third.';
  const article = fakeArticle(1, { body });

  it('maps a selection inside one paragraph', () => {
    const el = show(article);
    const got = rangeToBodyOffsets(el, rangeOver(el, 'first', 'paragraph'), body);
    expect(got).not.toBeNull();
    expect(body.slice(got!.start, got!.end)).toBe('first paragraph');
  });

  it('counts the text inside marks, and selections that start inside one', () => {
    const start = body.indexOf('second');
    const withMarks = fakeArticle(1, {
      body,
      highlights: [highlight(article, start, start + 'second one'.length)],
      matches: [{ start: body.indexOf('blank'), end: body.indexOf('blank') + 5 }],
    });
    const el = show(withMarks);
    expect(el.querySelectorAll('mark.hl')).toHaveLength(1);
    expect(el.querySelectorAll('mark.match')).toHaveLength(1);
    const got = rangeToBodyOffsets(el, rangeOver(el, 'one', 'line'), body);
    expect(body.slice(got!.start, got!.end)).toBe('one, after a blank line');
  });

  it('maps a selection across paragraphs, the blank line included', () => {
    const el = show(article);
    const got = rangeToBodyOffsets(el, rangeOver(el, 'of text', 'A second'), body);
    expect(body.slice(got!.start, got!.end)).toBe('of text.\n\nA second');
  });

  it('trims a selection that ends at the start of the next paragraph (a triple click)', () => {
    const el = show(article);
    const range = document.createRange();
    const paragraphs = el.querySelectorAll('p');
    range.setStart(paragraphs[1]!, 0);
    range.setEnd(paragraphs[2]!, 0);
    const got = rangeToBodyOffsets(el, range, body);
    expect(body.slice(got!.start, got!.end)).toBe('A second one, after a blank line.');
  });

  it('maps RTL text by its logical order', () => {
    const arabic = 'قال الوزير إن المحادثات ستستمر.\n\nوأضاف أن الاتفاق قريب جدا.';
    const el = show(fakeArticle(2, { body: arabic, language: 'ar' }));
    const got = rangeToBodyOffsets(el, rangeOver(el, 'المحادثات', 'الاتفاق'), arabic);
    expect(arabic.slice(got!.start, got!.end)).toBe('المحادثات ستستمر.\n\nوأضاف أن الاتفاق');
  });

  it('keeps only the body part of a selection that starts in the title', () => {
    render(<ReaderBody article={article} showOriginal={false} currentMatch={-1} />);
    const el = document.querySelector('.article-body')!;
    const range = document.createRange();
    const title = document.querySelector('h1')!;
    range.setStart(title.firstChild!, 2);
    const [end, endAt] = locate(el, 'first');
    range.setEnd(end, endAt + 'first'.length);
    const got = rangeToBodyOffsets(el, range, body);
    expect(body.slice(got!.start, got!.end)).toBe('The first');
  });

  it('refuses a selection outside the body, empty, or only white space', () => {
    render(<ReaderBody article={article} showOriginal={false} currentMatch={-1} />);
    const el = document.querySelector('.article-body')!;
    const title = document.querySelector('h1')!;
    const outside = document.createRange();
    outside.selectNodeContents(title);
    expect(rangeToBodyOffsets(el, outside, body)).toBeNull();

    const empty = document.createRange();
    const [node, at] = locate(el, 'first');
    empty.setStart(node, at);
    empty.setEnd(node, at);
    expect(rangeToBodyOffsets(el, empty, body)).toBeNull();

    const blank = document.createRange();
    const [space, spaceAt] = locate(el, ' first');
    blank.setStart(space, spaceAt);
    blank.setEnd(space, spaceAt + 1);
    expect(rangeToBodyOffsets(el, blank, body)).toBeNull();
  });
});
