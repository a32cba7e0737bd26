import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasShared, sampleArticle } from '../../support/shared-data';
import { findArticleDate } from '../../../main/core/text/article-date';
import { countWords, readingMinutes } from '../../../main/core/text/counts';
import { findDateline } from '../../../main/core/text/dateline';
import { isDebrisLine } from '../../../main/core/text/debris';
import { detectLanguage } from '../../../main/core/text/language';
import { cleanArticle, parseArticle } from '../../../main/core/text/parse-article';

describe('title', () => {
  it('is the first non-empty line, trimmed, without BOM or markdown #', () => {
    expect(cleanArticle('\n\n  My title  \n\nBody text here.').title).toBe('My title');
    expect(cleanArticle('\ufeff## A markdown heading\n\nBody.').title).toBe('A markdown heading');
    expect(cleanArticle('Only a title').body).toBe('');
  });
});

describe('dateline', () => {
  const cases: [string, string, string, string][] = [
    ['TEHRAN – Iran said on Monday', 'TEHRAN –', 'TEHRAN', 'Iran said on Monday'],
    [
      'LONDON (Reuters) - Shares fell sharply',
      'LONDON (Reuters) -',
      'LONDON',
      'Shares fell sharply',
    ],
    ['BAGHDAD, May 3 - A bomb exploded', 'BAGHDAD, May 3 -', 'BAGHDAD', 'A bomb exploded'],
    [
      'WASHINGTON, March 3 (AP) — The Senate voted',
      'WASHINGTON, March 3 (AP) —',
      'WASHINGTON',
      'The Senate voted',
    ],
    ['NEW YORK — Stocks rose', 'NEW YORK —', 'NEW YORK', 'Stocks rose'],
    ['القاهرة - قال مسؤولون اليوم', 'القاهرة -', 'القاهرة', 'قال مسؤولون اليوم'],
    ['МОСКВА – Правительство заявило', 'МОСКВА –', 'МОСКВА', 'Правительство заявило'],
    ['Tehran – Iran said', 'Tehran –', 'Tehran', 'Iran said'],
    ['Baghdad, May 3 - A bomb exploded', 'Baghdad, May 3 -', 'Baghdad', 'A bomb exploded'],
    ['Rio de Janeiro (AP) - Rain fell', 'Rio de Janeiro (AP) -', 'Rio de Janeiro', 'Rain fell'],
  ];
  it.each(cases)('%s', (text, raw, place, rest) => {
    expect(findDateline(text)).toEqual({ raw, place, rest });
  });

  it('never eats an ordinary first sentence', () => {
    for (const text of [
      'The company – which is large – said',
      'However – he said – nothing changed',
      'He said that prices – already high – rose.',
      'In 2004 - the year of the vote - turnout fell',
      'US - based firms gained',
      'Yesterday – in a surprise move – rates fell',
      'Prices rose sharply on Monday.',
      'Roger Federer - nice bloke, fantastic tennis player - the ultimate sportsman.',
      'Tony Blair - who was in Brussels - said',
      'Microsoft - the software giant - said',
    ]) {
      expect(findDateline(text), text).toBeNull();
    }
  });

  it('leaves stray control characters out of the clean view', () => {
    const a = cleanArticle('Title\u001a\n\nOne\u001a\u001a line.\n\u000b\nTwo.');
    expect(a.title).toBe('Title');
    expect(a.body).not.toMatch(/\p{Cc}(?<![\n])/u);
    expect(a.body).toContain('One line.');
  });

  it('is removed from the body shown and kept as dateline and place', () => {
    const a = cleanArticle('Title\n\nPARIS (AFP) - The minister resigned.\n\nSecond paragraph.');
    expect(a.place).toBe('PARIS');
    expect(a.dateline).toBe('PARIS (AFP) -');
    expect(a.body).toBe('The minister resigned.\n\nSecond paragraph.');
  });
});

describe('trailing debris', () => {
  it('is dropped at the end only', () => {
    const text = [
      'Headline',
      '',
      'Share this',
      '',
      'The first paragraph says Advertisement is a word.',
      '',
      'Final paragraph.',
      '',
      'Leave a Comment',
      'Tags: politics, Iran',
      '© 2024 Example News. All rights reserved.',
      'Follow us on Twitter',
      'Advertisement',
    ].join('\n');
    const { body } = cleanArticle(text);
    expect(body).toBe(
      'Share this\n\nThe first paragraph says Advertisement is a word.\n\nFinal paragraph.',
    );
  });

  it('matches whole short lines, case-insensitively, not sentences', () => {
    expect(isDebrisLine('LEAVE A COMMENT')).toBe(true);
    expect(isDebrisLine('Click here to subscribe')).toBe(true);
    expect(isDebrisLine('Related articles')).toBe(true);
    expect(isDebrisLine('Print')).toBe(true);
    expect(isDebrisLine('Comments')).toBe(true);
    expect(isDebrisLine('He said the comments were unfair and would print a correction.')).toBe(
      false,
    );
    expect(isDebrisLine('Share prices fell')).toBe(false);
  });
});

describe('paragraphs', () => {
  it('keeps blank-line paragraphs and one-line-per-paragraph files', () => {
    // Too few lines to tell that text is hard-wrapped: lines that end sentences stay paragraphs.
    expect(cleanArticle('T\n\nOne.\n\nTwo.\nstill two.\n\n\nThree.').body).toBe(
      'One.\n\nTwo.\n\nstill two.\n\nThree.',
    );
    expect(cleanArticle('T\nOne.\nTwo.\nThree.').body).toBe('One.\n\nTwo.\n\nThree.');
    expect(cleanArticle('T\r\n\r\nOne.\r\n\r\nTwo.').body).toBe('One.\n\nTwo.');
  });
});

describe('counts, language and date', () => {
  it('counts words in any script', () => {
    expect(countWords('Hello, world! It’s a well-known fact.')).toBe(6);
    expect(countWords('قال رئيس الوزراء')).toBe(3);
    expect(countWords('— 123 456 —')).toBe(0);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(230 * 4)).toBe(4);
  });

  it('detects languages and answers und for short text', () => {
    expect(
      detectLanguage(
        'The government announced new measures on Tuesday to tackle rising prices across the country.',
      ),
    ).toBe('en');
    expect(
      detectLanguage(
        'Le gouvernement a annoncé mardi de nouvelles mesures pour lutter contre la hausse des prix dans le pays.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لمواجهة ارتفاع الأسعار في البلاد',
      ),
    ).toBe('ar');
    expect(detectLanguage('ok')).toBe('und');
  });

  it('tells Persian from Arabic and knows other scripts', () => {
    expect(
      detectLanguage(
        'دولت روز سه‌شنبه از اقدامات تازه‌ای برای مقابله با افزایش قیمت‌ها در سراسر کشور خبر داد و گفت این برنامه از ماه آینده اجرا می‌شود',
      ),
    ).toBe('fa');
    expect(
      detectLanguage(
        'Правительство во вторник объявило о новых мерах по борьбе с ростом цен по всей стране.',
      ),
    ).toBe('ru');
    expect(
      detectLanguage(
        'הממשלה הודיעה ביום שלישי על צעדים חדשים להתמודדות עם עליית המחירים ברחבי המדינה',
      ),
    ).toBe('he');
  });

  it('finds a clear date in the dateline or first lines only', () => {
    expect(findArticleDate('WASHINGTON, March 3, 2021 (AP) —', 'The Senate')).toBe('2021-03-03');
    expect(findArticleDate(null, 'Published 19 March 2023. The talks began.')).toBe('2023-03-19');
    expect(findArticleDate(null, 'Updated 2022-11-05 by staff')).toBe('2022-11-05');
    expect(findArticleDate(null, 'No date here at all.')).toBeNull();
    expect(findArticleDate(null, 'Bad date 2023-02-30 here')).toBeNull();
    expect(findArticleDate(null, `${'word '.repeat(200)} On March 19, 2023 they met.`)).toBeNull();
  });

  it('parseArticle reports counts and reading time of the clean body', () => {
    const body = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const parsed = parseArticle(`Title\n\n${body}\n\nLeave a Comment`);
    expect(parsed.wordCount).toBe(500);
    expect(parsed.readingMinutes).toBe(2);
    expect(parsed.excerpt.length).toBeLessThanOrEqual(201);
  });
});

describe.skipIf(!hasShared)('the sample article', () => {
  it('has its title, TEHRAN dateline and no trailing debris', () => {
    const parsed = parseArticle(readFileSync(sampleArticle, 'utf8'));
    expect(parsed.title).toBe(
      'Tehran, Baghdad hold high-level talks on enhancing efforts towards security, cooperation',
    );
    expect(parsed.place).toBe('TEHRAN');
    expect(parsed.dateline).toBe('TEHRAN –');
    expect(parsed.body.startsWith('Eskandar Momeni')).toBe(true);
    expect(parsed.body).not.toContain('Leave a Comment');
    expect(parsed.language).toBe('en');
    expect(parsed.body.split('\n\n').length).toBeGreaterThan(5);
    expect(parsed.wordCount).toBeGreaterThan(400);
  });
});
