// The text a stored article is cleaned from: its decoded original, or a web page's article.
import { describe, expect, it } from 'vitest';
import { sourceTextOf } from '../../../main/core/html/source-text';
import { prepareArticle } from '../../../main/core/import/prepare-article';
import type { StoredArticle } from '../../../main/core/store/article-file';
import { htmlFixture } from './html-fixtures';

/** A stored article with these bytes under this name, as an import (or a restore) made it. */
function stored(name: string, bytes: Uint8Array): StoredArticle {
  const prepared = prepareArticle(
    new TextEncoder().encode('Placeholder title\n\nSome text.'),
    { name: 'x.txt', path: null },
    '',
  );
  if (!prepared.ok) throw new Error(prepared.reason);
  const record = { ...prepared.article.record, sourceName: name, id: name.padEnd(16, '0') };
  return { record, original: bytes };
}

describe('sourceTextOf', () => {
  it('is the decoded original for a text file, markup and all', () => {
    const bytes = htmlFixture('news-page.html');
    expect(sourceTextOf(stored('page.txt', bytes))).toBe(Buffer.from(bytes).toString('utf8'));
  });

  it('is the article for a page, the same on every read', () => {
    const page = stored('news.html', htmlFixture('news-page.html'));
    const text = sourceTextOf(page);
    expect(
      text.startsWith('Harbour town votes to rebuild its sea wall\n\nPORTHAVEN, Nov 3 - '),
    ).toBe(true);
    expect(sourceTextOf(page)).toBe(text);
  });

  it('is the whole text of the page, never its markup, when no article is found on reading', () => {
    // Restored from another library, or imported by a version that found an article there.
    const text = sourceTextOf(stored('login.htm', htmlFixture('no-article.html')));
    expect(text).toContain('Forgot your password?');
    expect(text).not.toMatch(/<\/?[a-z]/i);
  });
});
