// The character set of a page: BOM, <meta charset>, http-equiv, else the text-file decoder.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, declaredCharset } from '../../../main/core/html/declared-charset';
import { decodeHtml } from '../../../main/core/html/decode-html';

const page = (head: string, body = '<p>Grüße aus Köln, café, naïve</p>'): string =>
  `<!DOCTYPE html><html><head>${head}<title>t</title></head><body>${body}</body></html>`;

describe('declared character sets', () => {
  it('finds <meta charset>, quoted or not, and http-equiv content-type', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(declaredCharset(bytes(page('<meta charset="windows-1256">')))).toBe('windows-1256');
    expect(declaredCharset(bytes(page('<META CHARSET=koi8-r>')))).toBe('koi8-r');
    expect(
      declaredCharset(
        bytes(page('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
      ),
    ).toBe('shift_jis');
    expect(declaredCharset(bytes(page('')))).toBeNull();
    // A declaration inside a comment is not one.
    expect(declaredCharset(bytes(page('<!-- <meta charset="koi8-r"> -->')))).toBeNull();
  });

  it('names labels as browsers do: ISO-8859-1 and ASCII are windows-1252, UTF-16 in a meta is UTF-8', () => {
    expect(canonicalCharset('ISO-8859-1')).toBe('windows-1252');
    expect(canonicalCharset('latin1')).toBe('windows-1252');
    expect(canonicalCharset('us-ascii')).toBe('windows-1252');
    expect(canonicalCharset('utf8')).toBe('UTF-8');
    expect(canonicalCharset('utf-16')).toBe('UTF-8');
    expect(canonicalCharset('no-such-charset')).toBeNull();
  });

  it('lets a BOM win over the meta tag', () => {
    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(page('<meta charset="windows-1252">'), 'utf8'),
    ]);
    const decoded = decodeHtml(new Uint8Array(utf8));
    expect(decoded).toMatchObject({ encoding: 'UTF-8', guessed: false });
    expect(decoded.text.startsWith('<!DOCTYPE')).toBe(true);
    expect(decoded.text).toContain('Grüße aus Köln');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(''), 'utf-16le')]);
    const wide = decodeHtml(new Uint8Array(utf16));
    expect(wide).toMatchObject({ encoding: 'UTF-16LE', guessed: false });
    expect(wide.text).toContain('café, naïve');
  });
});

describe('decoding a page', () => {
  it('decodes with the declared charset', () => {
    const bytes = iconv.encode(page('<meta charset="koi8-r">', '<p>Новости дня</p>'), 'koi8-r');
    expect(decodeHtml(new Uint8Array(bytes))).toMatchObject({ encoding: 'koi8-r', guessed: false });
    expect(decodeHtml(new Uint8Array(bytes)).text).toContain('Новости дня');
  });

  it('falls back to the text-file decoder when a page declaring UTF-8 is not UTF-8', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">'), 'windows-1252');
    const decoded = decodeHtml(new Uint8Array(bytes));
    expect(decoded.text).toContain('Grüße aus Köln, café, naïve');
    expect(decoded.guessed).toBe(true);
  });

  it('uses the text-file decoder when nothing is declared (UTF-8, then legacy guesses)', () => {
    const utf8 = decodeHtml(new TextEncoder().encode(page('')));
    expect(utf8).toMatchObject({ encoding: 'UTF-8', guessed: false });
    const legacy = decodeHtml(new Uint8Array(iconv.encode(page(''), 'windows-1252')));
    expect(legacy.text).toContain('Grüße aus Köln');
    expect(legacy.guessed).toBe(true);
  });

  it('ignores a label no browser knows', () => {
    const decoded = decodeHtml(new TextEncoder().encode(page('<meta charset="x-made-up">')));
    expect(decoded).toMatchObject({ encoding: 'UTF-8', guessed: false });
  });
});
