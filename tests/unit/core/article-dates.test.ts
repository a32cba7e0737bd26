import { describe, expect, it } from 'vitest';
import { findArticleDate } from '../../../main/core/text/article-date';
import { asciiDigits } from '../../../main/core/text/dates/digits';
import { findDates } from '../../../main/core/text/dates/find-dates';
import { solarHijriToIso } from '../../../main/core/text/dates/solar-hijri';
import { parseArticle } from '../../../main/core/text/parse-article';

const dates = (text: string, dayFirst: boolean | null = null): string[] =>
  findDates(text, { dayFirst }).map((d) => d.iso);

describe('date forms', () => {
  it('reads English, French, German, Spanish and Italian month names', () => {
    expect(dates('Filed on 3 March 2004.')).toEqual(['2004-03-03']);
    expect(dates('Filed March 4th, 2004')).toEqual(['2004-03-04']);
    expect(dates('Sept. 11, 2001')).toEqual(['2001-09-11']);
    expect(dates('le 1er février 2005')).toEqual(['2005-02-01']);
    expect(dates('am 7. März 2006')).toEqual(['2006-03-07']);
    expect(dates('el 2 de agosto de 2007')).toEqual(['2007-08-02']);
    expect(dates('il 25 dicembre 2008')).toEqual(['2008-12-25']);
  });

  it("reads Reuters' date line", () => {
    expect(dates('26-FEB-1987 15:01:01.79')).toEqual(['1987-02-26']);
    expect(dates(' 5-MAR-1987 09:00:10.10')).toEqual(['1987-03-05']);
  });

  it('reads numeric dates, and 03/04 only when the reading is known', () => {
    expect(dates('2010-06-01T09:30:00Z')).toEqual(['2010-06-01']);
    expect(dates('2010/6/1')).toEqual(['2010-06-01']);
    expect(dates('01.06.2010')).toEqual(['2010-06-01']);
    expect(dates('25/12/2010 and 12/25/2011')).toEqual(['2010-12-25', '2011-12-25']);
    expect(dates('03/04/2005')).toEqual([]);
    expect(dates('03/04/2005', true)).toEqual(['2005-04-03']);
    expect(dates('03/04/2005', false)).toEqual(['2005-03-04']);
    expect(dates('version 1.2.3.2004, 2010-02-30, 31 April 2010')).toEqual([]);
  });

  it('reads Arabic month names of every tradition, with Arabic-Indic digits', () => {
    expect(dates('القاهرة في ٢٠ يوليو ٢٠١٥')).toEqual(['2015-07-20']);
    expect(dates('الرباط 3 غشت 2014')).toEqual(['2014-08-03']);
    expect(dates('الجزائر 12 جويلية 2013')).toEqual(['2013-07-12']);
    expect(dates('بيروت ١٥ كانون الثاني ٢٠٢٠')).toEqual(['2020-01-15']);
    expect(dates('دمشق 3 آذار 2021')).toEqual(['2021-03-03']);
    expect(dates('بغداد 9 نيسان 2003')).toEqual(['2003-04-09']);
    expect(dates('عمّان 4 تشرين الأول 2019')).toEqual(['2019-10-04']);
    expect(dates('٢٠ تموز/يوليو ٢٠١٥')).toEqual(['2015-07-20']);
    expect(dates('20 يوليو (تموز) 2015')).toEqual(['2015-07-20']);
  });

  it('takes the Gregorian date when a Hijri (lunar) date comes first', () => {
    expect(dates('الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م')).toEqual(['2015-08-10']);
    expect(dates('1436/10/25هـ الموافق 2015/8/10م')).toEqual(['2015-08-10']);
    expect(dates('5 رمضان 1436')).toEqual([]);
  });

  it('reads Persian digits, Solar Hijri month names and Persian Gregorian months', () => {
    expect(dates('تهران - ۱۵ دی‌ماه ۱۴۰۲')).toEqual(['2024-01-05']);
    expect(dates('۲۲ بهمن ۱۳۵۷')).toEqual(['1979-02-11']);
    expect(dates('۱ فروردین ۱۴۰۳')).toEqual(['2024-03-20']);
    expect(dates('۱۴۰۲/۱۰/۱۵ ش')).toEqual(['2024-01-05']);
    expect(dates('۵ ژانویه ۲۰۲۴')).toEqual(['2024-01-05']);
    expect(dates('۱۰ می ۲۰۲۴ و ۳ مه ۲۰۲۴')).toEqual(['2024-05-10', '2024-05-03']);
    expect(dates('۳۱ اسفند ۱۴۰۲')).toEqual([]); // 1402 has 29 days in Esfand
  });

  it('reads the month names of more languages, from ICU', () => {
    expect(dates('Москва, 12 мая 2023 года')).toEqual(['2023-05-12']);
    expect(dates('Київ, 15 березня 2022')).toEqual(['2022-03-15']);
    expect(dates('Αθήνα, 3 Ιουνίου 2023')).toEqual(['2023-06-03']);
    expect(dates('ΑΘΗΝΑ, 3 ΙΟΥΝΙΟΥ 2023')).toEqual(['2023-06-03']);
    expect(dates('Warszawa, 10 października 2023')).toEqual(['2023-10-10']);
    expect(dates('Praha 10. října 2023')).toEqual(['2023-10-10']);
    expect(dates('Amsterdam, 10 oktober 2023')).toEqual(['2023-10-10']);
    expect(dates('Ankara, 10 Ekim 2023')).toEqual(['2023-10-10']);
    expect(dates('Jakarta, 17 Agustus 2023')).toEqual(['2023-08-17']);
    expect(dates('Helsinki 10. lokakuuta 2023')).toEqual(['2023-10-10']);
    expect(dates('Barcelona, 10 d’octubre del 2023')).toEqual(['2023-10-10']);
    expect(dates('ירושלים, 5 בספטמבר 2023')).toEqual(['2023-09-05']);
    expect(dates('नई दिल्ली, 20 जुलाई 2023')).toEqual(['2023-07-20']);
    // Devanagari digits, and February with and without its nukta.
    expect(dates('५ फ़रवरी २०२३ और 5 फरवरी 2023')).toEqual(['2023-02-05', '2023-02-05']);
    expect(dates('لاہور، 14 اگست 2023')).toEqual(['2023-08-14']);
  });

  it('reads Thai dates, their years of the Buddhist Era unless marked Christian', () => {
    expect(dates('กรุงเทพฯ 15 มีนาคม 2567')).toEqual(['2024-03-15']);
    expect(dates('วันที่ 15 มี.ค. 2567')).toEqual(['2024-03-15']);
    expect(dates('15 มีนาคม พ.ศ. 2567')).toEqual(['2024-03-15']);
    expect(dates('15 มีนาคม ค.ศ. 2024')).toEqual(['2024-03-15']);
    expect(dates('๑๕ มีนาคม ๒๕๖๗')).toEqual(['2024-03-15']);
    expect(dates('15 มีนาคม 2024')).toEqual(['2024-03-15']);
    // Only a Thai month name makes 2567 a Buddhist year.
    expect(dates('March 3, 2567')).toEqual([]);
  });

  it('reads the year first where a language writes it so, and only there', () => {
    expect(dates('Budapest, 2023. október 10.')).toEqual(['2023-10-10']);
    expect(dates('Vilnius, 2023 m. spalio 10 d.')).toEqual(['2023-10-10']);
    expect(dates('Rīga, 2023. gada 10. oktobris')).toEqual(['2023-10-10']);
    expect(dates('In 2004. March 3 was a Wednesday.')).toEqual([]);
  });

  it('reads Chinese, Japanese, Korean and Vietnamese numbered months', () => {
    expect(dates('2024年3月15日 新华社')).toEqual(['2024-03-15']);
    expect(dates('２０２４年３月１５日')).toEqual(['2024-03-15']);
    expect(dates('2024년 3월 15일 서울')).toEqual(['2024-03-15']);
    expect(dates('Hà Nội, ngày 15 tháng 3 năm 2024')).toEqual(['2024-03-15']);
    expect(dates('10 tháng 10, 2023')).toEqual(['2023-10-10']);
    expect(dates('2024年2月30日')).toEqual([]);
  });

  it("reads a month name languages disagree on by the text's language only", () => {
    const inLanguage = (text: string, language: string): string[] =>
      findDates(text, { dayFirst: true, language }).map((d) => d.iso);
    // November in Polish and Czech, October in Croatian.
    expect(inLanguage('10 listopada 2023', 'pl')).toEqual(['2023-11-10']);
    expect(inLanguage('10. listopada 2023.', 'hr')).toEqual(['2023-10-10']);
    expect(inLanguage('10. listopadu 2023', 'cs')).toEqual(['2023-11-10']);
    expect(inLanguage('10 listopada 2023', 'en')).toEqual([]);
    expect(dates('10 listopada 2023')).toEqual([]);
  });

  it('maps Arabic-Indic and Persian digits one for one', () => {
    expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
  });
});

describe('Solar Hijri to Gregorian', () => {
  // Published Nowruz dates and well-known days (Iranian calendar).
  const pairs: [number, number, number, string][] = [
    [1357, 11, 22, '1979-02-11'],
    [1359, 6, 31, '1980-09-22'],
    [1379, 1, 1, '2000-03-20'],
    [1396, 1, 1, '2017-03-21'],
    [1399, 1, 1, '2020-03-20'],
    [1399, 12, 30, '2021-03-20'],
    [1402, 1, 1, '2023-03-21'],
    [1403, 1, 1, '2024-03-20'],
    [1403, 12, 30, '2025-03-20'],
    [1404, 1, 1, '2025-03-21'],
    [1404, 7, 1, '2025-09-23'],
  ];
  it.each(pairs)('%i/%i/%i is %s', (y, m, d, iso) => {
    expect(solarHijriToIso(y, m, d)).toBe(iso);
  });
  it('refuses days that do not exist', () => {
    expect(solarHijriToIso(1402, 12, 30)).toBeNull();
    expect(solarHijriToIso(1402, 7, 31)).toBeNull();
    expect(solarHijriToIso(1402, 13, 1)).toBeNull();
    expect(solarHijriToIso(402, 1, 1)).toBeNull();
  });
});

describe('the article date', () => {
  it('prefers front matter, then Published, then the dateline', () => {
    const md =
      '---\ntitle: Budget day\ndate: 2019-03-13T09:00:00Z\n---\n\nThe budget on 14 March 2019.';
    expect(parseArticle(md).articleDate).toBe('2019-03-13');
    expect(
      findArticleDate('LONDON, May 2, 2010 (Reuters) -', 'Text.\n\nPublished: 1 May 2010'),
    ).toBe('2010-05-01');
    expect(findArticleDate('LONDON, May 2, 2010 (Reuters) -', 'Text. Updated: 3 May 2010')).toBe(
      '2010-05-02',
    );
    expect(findArticleDate(null, 'Shares rose.\n\nLast updated: 2011-02-03 10:00')).toBe(
      '2011-02-03',
    );
    expect(findArticleDate(null, 'تاريخ النشر: ٢٠ يوليو ٢٠١٥\n\nنص الخبر')).toBe('2015-07-20');
    expect(findArticleDate(null, 'تاریخ انتشار: ۱۵ دی ۱۴۰۲\n\nمتن خبر')).toBe('2024-01-05');
    expect(findArticleDate(null, 'Publié le 4 juin 2012 à 10h\n\nTexte.')).toBe('2012-06-04');
  });

  it('takes a title that is only a date line (Reuters)', () => {
    const text =
      '26-FEB-1987 15:01:01.79\nBAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued.';
    expect(parseArticle(text).articleDate).toBe('1987-02-26');
    expect(parseArticle(`27-MAR-1987 00:02:59.13 RM\nJAPAN BUDGET\n\nText.`).articleDate).toBe(
      '1987-03-27',
    );
    expect(parseArticle('Budget of 3 March 2004\n\nText.').articleDate).toBeNull();
  });

  it('takes a short date line near the top, not a date a sentence mentions', () => {
    expect(findArticleDate(null, 'Monday, 3 March 2004\n\nThe minister said.')).toBe('2004-03-03');
    expect(
      findArticleDate(null, 'Merrill Lynch is issuing a bond due March 30, 1990, paying 7 pct.'),
    ).toBeNull();
    expect(
      findArticleDate(null, 'The payment date is March 30, 1990, the company said.'),
    ).toBeNull();
    expect(findArticleDate(null, 'Date: March 30, 1990\n\nText.')).toBe('1990-03-30');
  });

  it('reads 03/04/2005 day first outside English', () => {
    expect(findArticleDate(null, 'Publié le 03/04/2005', { language: 'fr' })).toBe('2005-04-03');
    expect(findArticleDate(null, 'Published 03/04/2005', { language: 'en' })).toBeNull();
  });

  it('dates articles in other languages and scripts from their date line', () => {
    const dated = (text: string): string | null => parseArticle(text).articleDate;
    expect(
      dated('В Москве открылась выставка\n\nМосква, 12 мая 2023 года\n\nВыставка открылась.'),
    ).toBe('2023-05-12');
    expect(
      dated('北京市政府宣布新政策\n\n2024年3月15日 新华社\n\n北京市政府今天宣布了新政策。'),
    ).toBe('2024-03-15');
    expect(
      dated(
        'Rząd przyjął budżet\n\nWarszawa, 10 listopada 2023\n\nRząd przyjął dziś budżet na przyszły rok, powiedział minister finansów.',
      ),
    ).toBe('2023-11-10');
  });

  it('is null when the text gives no date, never the day of import', () => {
    expect(parseArticle('A title\n\nNo date is written anywhere here.').articleDate).toBeNull();
  });
});

describe('dates that are not the day an article appeared', () => {
  it('leaves out the end of a period or a deadline standing on a short line', () => {
    expect(findArticleDate(null, 'Year to December 31, 1986\n\nNet profit rose.')).toBeNull();
    expect(findArticleDate(null, 'Period ended Sept 30, 1986\n\nShr loss 12 cts')).toBeNull();
    expect(findArticleDate(null, 'Exercice clos au 31 décembre 2010\n\nBénéfice.')).toBeNull();
    expect(findArticleDate(null, 'By Jane Smith, 3 March 2004\n\nThe minister said.')).toBe(
      '2004-03-03',
    );
  });

  it('takes "corresponding to" only where a date line stands, at the start', () => {
    const event =
      'ينظم الفرع الحفل السنوي لسيدات الأعمال في قاعة المدينة، وذلك مساء يوم الاثنين 23 ذي القعدة 1436هـ، الموافق 7 سبتمبر 2015م.';
    expect(findArticleDate(null, event)).toBeNull();
    expect(
      findArticleDate(null, 'أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس نفذت الإدارة'),
    ).toBe('2015-08-10');
  });
});
