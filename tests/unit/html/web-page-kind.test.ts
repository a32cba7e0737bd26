// Which files are saved web pages: one list of extensions for the walk, the pickers and the
// import's choice of reader.
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_EXTENSIONS,
  WEB_PAGE_EXTENSIONS,
  isArticleName,
} from '../../../main/contract/import-rules';
import { webPageKindOf } from '../../../main/core/html/web-page-kind';

describe('saved web page names', () => {
  it('are articles in folders, in any case, and are among the accepted extensions', () => {
    for (const name of ['page.html', 'PAGE.HTM', 'saved.mhtml', 'old.MHT', 'مقال.html'])
      expect(isArticleName(name), name).toBe(true);
    for (const ext of WEB_PAGE_EXTENSIONS) expect(ARTICLE_EXTENSIONS).toContain(ext);
    // A collection's own documentation stays out, as for text files.
    expect(isArticleName('README.html')).toBe(false);
  });

  it('choose the reader: HTML, MHTML, or none for text files and look-alikes', () => {
    expect(webPageKindOf('a.html')).toBe('html');
    expect(webPageKindOf('a.HTM')).toBe('html');
    expect(webPageKindOf('a.mhtml')).toBe('mhtml');
    expect(webPageKindOf('a.mht')).toBe('mhtml');
    for (const name of ['a.txt', 'a.md', 'html', '.html', 'a.html.txt', 'a.xhtml', 'a.shtml'])
      expect(webPageKindOf(name), name).toBeNull();
  });
});
