// The published time of a page from the meta tags and <time> elements Readability leaves.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomDocument } from '../../../main/core/html/dom-node';
import { publishedTimeOf } from '../../../main/core/html/page-metadata';
import { publishedDateOf } from '../../../main/core/html/published-date';

const doc = (head: string, body = ''): DomDocument =>
  parseHTML(`<html><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as DomDocument;

describe('published time', () => {
  it('takes the most specific meta tag, whatever the order in the page', () => {
    const d = doc(
      '<meta name="date" content="2020-01-02"><meta itemprop="datePublished" content="2020-03-04T10:00:00Z">',
    );
    expect(publishedTimeOf(d)).toBe('2020-03-04T10:00:00Z');
    expect(publishedTimeOf(doc('<meta name="DC.date.issued" content="2019-07-08">'))).toBe(
      '2019-07-08',
    );
    // A meta tag with an empty value says nothing.
    expect(
      publishedTimeOf(
        doc('<meta name="pubdate" content=" "><meta name="date" content="2018-05-06">'),
      ),
    ).toBe('2018-05-06');
  });

  it('falls back to <time pubdate>, then itemprop, then the first dated <time>', () => {
    const body =
      '<time datetime="2001-01-01">then</time><time itemprop="datePublished" datetime="2002-02-02">x</time>' +
      '<time pubdate datetime="2003-03-03">y</time>';
    expect(publishedTimeOf(doc('', body))).toBe('2003-03-03');
    expect(publishedTimeOf(doc('', '<time itemprop="datePublished">5 May 2015</time>'))).toBe(
      '5 May 2015',
    );
    // A bare <time> may be any time the page mentions (a comment's, "3 minutes ago").
    expect(publishedTimeOf(doc('', '<time>5 May 2015</time>'))).toBeNull();
    expect(publishedTimeOf(doc('', '<p>no dates</p>'))).toBeNull();
  });

  it('gives the date as written where it was published', () => {
    expect(publishedDateOf('2022-05-30T23:10:00-07:00')).toBe('2022-05-30');
    expect(publishedDateOf('2022-05-31T01:10:00+09:00')).toBe('2022-05-31');
    expect(publishedDateOf('5 May 2015')).toBe('2015-05-05');
    expect(publishedDateOf('yesterday')).toBeNull();
    expect(publishedDateOf(null)).toBeNull();
  });
});
