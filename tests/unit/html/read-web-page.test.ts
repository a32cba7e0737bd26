// Saved web pages read into article text and metadata (main/core/html/read-web-page.ts).
import { describe, expect, it } from 'vitest';
import { readWebPage } from '../../../main/core/html/read-web-page';
import { DecodeError } from '../../../main/core/text/decode';
import { prepareArticle } from '../../../main/core/import/prepare-article';
import { htmlFixture } from './html-fixtures';

const prepare = (name: string) => {
  const bytes = htmlFixture(name);
  const prepared = prepareArticle(bytes, { name, path: null }, '2026-01-01T00:00:00.000Z');
  return { bytes, prepared };
};

function imported(name: string) {
  const { bytes, prepared } = prepare(name);
  if (!prepared.ok) throw new Error(`${name} failed: ${prepared.reason}`);
  return { bytes, record: prepared.article.record, body: prepared.doc.body, prepared };
}

describe('a news page with navigation, sidebar, ads and comments', () => {
  const { record, body } = imported('news-page.html');

  it('keeps the article text, its subheading and its list', () => {
    expect(body).toContain('Councillors in Porthaven voted on Monday evening');
    expect(body).toContain('the patches are now older than some of the people in this room');
    expect(body.split('\n\n')).toContain('Objections from traders');
    expect(body).toContain(
      '- Cost: to be confirmed after tender\n- Length of wall to be rebuilt: about 600 metres',
    );
    expect(body).toMatch(/the end of January\.\n\n- Cost/);
  });

  it('leaves out the navigation, banner, sidebar, ads, sharing, comments and footer', () => {
    for (const debris of [
      'Subscribe for 1 euro a week',
      'Breaking: ferry timetable',
      'Most read',
      'Lifeboat crew rescue',
      'Advertisement',
      'Fresh fish delivered',
      'Porthaven Motors',
      'morning newsletter',
      'Share on social media',
      'Comments (3)',
      'seagull_watcher',
      'About time too',
      'My grandfather helped',
      'All rights reserved',
      'Privacy policy',
    ])
      expect(body, debris).not.toContain(debris);
  });

  it('takes title, byline, site name and date from the metadata, and the place from the dateline', () => {
    expect(record).toMatchObject({
      title: 'Harbour town votes to rebuild its sea wall',
      byline: 'Marta Okonkwo',
      siteName: 'The Coastal Ledger',
      articleDate: '2025-11-03',
      place: 'PORTHAVEN',
      language: 'en',
      encoding: 'UTF-8',
    });
    // The title is the record's, not repeated as the body's first paragraph.
    expect(body.startsWith('Councillors')).toBe(true);
  });

  it('has no markup left in the title, body or excerpt', () => {
    for (const text of [record.title, body, record.excerpt]) expect(text).not.toMatch(/<\/?[a-z]/i);
  });
});

describe('pages without an article', () => {
  it('fails a sign-in page with the reason', () => {
    const { prepared } = prepare('no-article.html');
    expect(prepared).toEqual({
      ok: false,
      reason: 'the page has no readable article (its main text has only 12 words)',
    });
  });

  it('fails a page that is a list of links with the reason', () => {
    const { prepared } = prepare('link-index.html');
    expect(prepared).toEqual({
      ok: false,
      reason: 'the page has no readable article (its main text is mostly links)',
    });
  });

  it('fails a page too large to read in reasonable time, with the reason', () => {
    const html = `<html><body><article><p>${'<b>x</b>'.repeat(100_001)}</p></article></body></html>`;
    const prepared = prepareArticle(
      new TextEncoder().encode(html),
      { name: 'big.html', path: null },
      '',
    );
    expect(prepared).toEqual({
      ok: false,
      reason: 'the page is too large to read (over 100,000 elements)',
    });
  });

  it('fails a page with no body text at all', () => {
    const bytes = new TextEncoder().encode(
      '<!DOCTYPE html><html><head><title>x</title></head><body></body></html>',
    );
    expect(() => readWebPage(bytes, 'html')).toThrow(DecodeError);
    expect(() => readWebPage(bytes, 'html')).toThrow(/no readable article/);
  });
});

describe('character sets and scripts', () => {
  it('reads an Arabic page in windows-1256 declared with http-equiv, right to left', () => {
    const { record, body } = imported('arabic-windows-1256.html');
    expect(record).toMatchObject({
      title: 'افتتاح مكتبة عامة جديدة في وسط المدينة',
      encoding: 'windows-1256',
      language: 'ar',
      siteName: 'صحيفة الوادي',
      byline: 'بقلم سارة المنصوري',
      articleDate: '2024-02-10',
    });
    expect(record.encodingGuessed).toBeUndefined();
    expect(body.startsWith('افتتحت البلدية يوم السبت')).toBe(true);
    // The navigation, the heading that repeats the title and the sidebar are left out.
    for (const debris of [
      'الرئيسية',
      'الأكثر قراءة',
      'ارتفاع أسعار',
      'جميع الحقوق',
      'وسط المدينة\n',
    ])
      expect(body, debris).not.toContain(debris);
  });

  it('reads a page whose <meta charset=iso-8859-1> declares Latin-1 bytes', () => {
    const { bytes, record, body } = imported('latin1-meta-charset.html');
    // The bytes really are Latin-1 (é is one byte 0xE9), not UTF-8.
    expect(Buffer.from(bytes).includes(Buffer.from([0x6d, 0x61, 0x72, 0x63, 0x68, 0xe9]))).toBe(
      true,
    );
    // As in every browser, the ISO label is read as its Windows superset.
    expect(record).toMatchObject({
      title: "Le marché de Noël revient sur la place de l'église",
      encoding: 'windows-1252',
      language: 'fr',
      byline: 'Hélène Dubois',
    });
    expect(body).toContain('« Nous voulions un marché à taille humaine');
    expect(body).not.toContain('Accueil');
  });
});

describe('metadata', () => {
  it('reads JSON-LD: headline, datePublished (the date where it was published), author, publisher', () => {
    const { record } = imported('jsonld-metadata.html');
    expect(record).toMatchObject({
      title: 'Seed bank opens its doors to schools',
      articleDate: '2024-04-18',
      byline: 'Jonas Lindqvist',
      siteName: 'Green Valley Gazette',
    });
  });

  it('keeps the name of a "By …" byline element', () => {
    const html = `<html><head><title>Tram line extended</title></head><body><article>
      <h1>Tram line extended</h1><p class="byline">By   Ana Ferreira</p>
      <p>${'The tram line will run two stops further south from next year, the city said. '.repeat(4)}</p>
      <p>${'Work on the new track starts in the spring and should take about nine months. '.repeat(3)}</p>
      </article></body></html>`;
    const page = readWebPage(new TextEncoder().encode(html), 'html');
    expect(page.facts.byline).toBe('Ana Ferreira');
    expect(page.decoded.text).not.toContain('Ana Ferreira');
  });

  it('reads the date of a <time datetime> element when no meta tag gives one', () => {
    const { record } = imported('time-element.html');
    expect(record.articleDate).toBe('2023-08-14');
    expect(record.byline).toBeUndefined();
    expect(record.siteName).toBeUndefined();
  });

  it('keeps the date the text gives when the page has no published time', () => {
    const html = `<html><head><title>Quiet week at the port</title></head><body><article>
      <h1>Quiet week at the port</h1>
      <p>ROTTERDAM, 12 March 2019 - ${'Few ships arrived at the port this week as a storm kept vessels at anchor offshore. '.repeat(4)}</p>
      <p>${'Dock workers used the time to repair cranes and clear the backlog of containers. '.repeat(3)}</p>
      </article></body></html>`;
    const prepared = prepareArticle(
      new TextEncoder().encode(html),
      { name: 'port.htm', path: null },
      '',
    );
    expect(prepared.ok && prepared.article.record).toMatchObject({
      articleDate: '2019-03-12',
      place: 'ROTTERDAM',
    });
  });

  it('prefers the published time over a date in the text', () => {
    const html = `<html><head><title>Old flood recalled</title>
      <meta property="article:published_time" content="2022-05-30T23:10:00-07:00"></head>
      <body><article><h1>Old flood recalled</h1>
      <p>On 4 June 1998 ${'the river rose above its banks and flooded the lower town for a week. '.repeat(4)}</p>
      <p>${'Residents who remember it gathered on Sunday to unveil a marker at the old high-water line. '.repeat(3)}</p>
      </article></body></html>`;
    const prepared = prepareArticle(
      new TextEncoder().encode(html),
      { name: 'flood.html', path: null },
      '',
    );
    // 23:10 on 30 May where it was published, though 31 May in UTC.
    expect(prepared.ok && prepared.article.record.articleDate).toBe('2022-05-30');
  });
});

describe('the original', () => {
  it('is stored byte for byte, markup and all', () => {
    for (const name of ['news-page.html', 'arabic-windows-1256.html', 'latin1-meta-charset.html']) {
      const { bytes, prepared } = imported(name);
      expect(Buffer.from(prepared.article.original).equals(Buffer.from(bytes)), name).toBe(true);
      expect(prepared.article.record.byteLength).toBe(bytes.length);
    }
  });
});
