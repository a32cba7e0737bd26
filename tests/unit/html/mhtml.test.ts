// Saved web pages in MHTML ("Web page, single file"): the HTML part, its transfer encoding
// and its charset.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mhtmlPage } from '../../../main/core/html/mhtml-part';
import { readWebPage } from '../../../main/core/html/read-web-page';
import { prepareArticle } from '../../../main/core/import/prepare-article';
import { htmlFixture } from './html-fixtures';

const paragraph = (words: string) => `<p>${words} ${words} ${words}</p>`;
const arabicPage = `<html dir="rtl"><head><title>أمطار غزيرة في الشمال</title></head><body><article>
  <h1>أمطار غزيرة في الشمال</h1>
  ${paragraph('هطلت أمطار غزيرة على المناطق الشمالية خلال الليل وأدت إلى إغلاق عدد من الطرق الفرعية.')}
  ${paragraph('وقالت السلطات المحلية إن فرق الطوارئ عملت حتى الصباح على فتح الطرق وإصلاح الأضرار.')}
  </article></body></html>`;

/** An MHTML message with one HTML part, as some tools write it (LF line ends, base64). */
function mhtml(part: { type: string; encoding: string; body: string }, eol = '\n'): Uint8Array {
  const b = 'boundary-7Zq';
  const text = [
    'MIME-Version: 1.0',
    `Content-Type: multipart/related; boundary="${b}"; type="text/html"`,
    '',
    `--${b}`,
    'Content-Type: text/plain',
    '',
    'not the page',
    `--${b}`,
    `Content-Type: ${part.type}`,
    `Content-Transfer-Encoding: ${part.encoding}`,
    'Content-Location: https://example.org/a',
    '',
    part.body,
    `--${b}--`,
    '',
  ].join(eol);
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('MHTML', () => {
  it('reads a page saved by a browser: quoted-printable HTML, charset from its meta tag', () => {
    const bytes = htmlFixture('saved-page.mhtml');
    const prepared = prepareArticle(bytes, { name: 'saved-page.mhtml', path: null }, '');
    if (!prepared.ok) throw new Error(prepared.reason);
    const { record } = prepared.article;
    expect(record).toMatchObject({
      title: 'Orchard café wins the regional cider prize',
      siteName: 'Hill Country Post',
      byline: 'Priya Ramanathan',
      articleDate: '2021-10-09',
      encoding: 'UTF-8',
      language: 'en',
    });
    const body = prepared.doc.body;
    // Soft line breaks joined, =XX bytes decoded as UTF-8.
    expect(body).toContain(
      'has won this year’s regional cider prize — the first time in the competition’s thirty-year history',
    );
    expect(body).toContain(
      '“We never set out to win anything; we only wanted to keep the old trees alive,”',
    );
    for (const debris of [
      'Food & drink',
      'Related',
      'Harvest festival',
      '=3D',
      '=E2',
      'font-family',
    ])
      expect(body, debris).not.toContain(debris);
    expect(Buffer.from(prepared.article.original).equals(Buffer.from(bytes))).toBe(true);
  });

  it('decodes a base64 part in the charset its header names', () => {
    const html = iconv
      .encode(arabicPage, 'windows-1256')
      .toString('base64')
      .replace(/.{76}/g, '$&\n');
    const bytes = mhtml({
      type: 'text/html; charset="windows-1256"',
      encoding: 'base64',
      body: html,
    });
    const page = readWebPage(bytes, 'mhtml');
    expect(page.decoded.encoding).toBe('windows-1256');
    expect(page.facts.title).toBe('أمطار غزيرة في الشمال');
    expect(page.decoded.text).toContain('وقالت السلطات المحلية إن فرق الطوارئ');
  });

  it('reads CRLF and LF messages alike, and a part without a transfer encoding', () => {
    const body = Buffer.from(arabicPage, 'utf8').toString('latin1');
    for (const eol of ['\n', '\r\n']) {
      const page = mhtmlPage(
        mhtml({ type: 'text/html; charset=utf-8', encoding: '8bit', body }, eol),
      );
      // The part's own line ends are its content; only the message's are the format's.
      expect(Buffer.from(page.bytes).toString('utf8')).toBe(arabicPage);
      expect(page.charset).toBe('utf-8');
    }
  });

  it('reads a single-part message whose body is the page', () => {
    const message = [
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p>caf=C3=A9 au lait, s=',
      'oft break</p>',
    ].join('\r\n');
    const page = mhtmlPage(new Uint8Array(Buffer.from(message, 'latin1')));
    expect(Buffer.from(page.bytes).toString('utf8')).toBe('<p>café au lait, soft break</p>');
  });

  it('fails an MHTML file without an HTML part, with the reason', () => {
    const bytes = mhtml({ type: 'image/png', encoding: 'base64', body: 'iVBORw0KGgo=' });
    expect(prepareArticle(bytes, { name: 'x.mht', path: null }, '')).toEqual({
      ok: false,
      reason: 'the MHTML file holds no HTML page',
    });
  });
});
