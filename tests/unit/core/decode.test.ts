import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, decodeWithEncoding, DecodeError } from '../../../main/core/text/decode';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeBytes', () => {
  it('reads plain UTF-8 and strips a UTF-8 BOM', () => {
    expect(decodeBytes(enc('Café – “quoted”'))).toEqual({
      text: 'Café – “quoted”',
      encoding: 'UTF-8',
      guessed: false,
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Hello')]);
    expect(decodeBytes(withBom)).toEqual({ text: 'Hello', encoding: 'UTF-8', guessed: false });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const text = 'Grüße, мир, مرحبا';
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    expect(decodeBytes(le)).toEqual({ text, encoding: 'UTF-16LE', guessed: false });
    expect(decodeBytes(be)).toEqual({ text, encoding: 'UTF-16BE', guessed: false });
  });

  it('reads UTF-16 LE without a BOM instead of calling it binary', () => {
    const text = 'Plain English text written by an old Windows editor.';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'utf-16le'))).text).toBe(text);
  });

  it('reads Latin-1 / windows-1252 text with £ and smart quotes', () => {
    const text = 'The transfer fee was £15.8m, said the club’s “chairman” on Tuesday – café.';
    const bytes = new Uint8Array(iconv.encode(text, 'windows-1252'));
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe(text);
    expect(decoded.encoding).toBe('windows-1252');
    const latin1 = new Uint8Array(
      iconv.encode('He paid £300 for the ticket to the match.', 'latin1'),
    );
    expect(decodeBytes(latin1).text).toBe('He paid £300 for the ticket to the match.');
  });

  it('reads windows-1256 Arabic as Arabic letters', () => {
    const text = 'القاهرة - قال رئيس الوزراء اليوم إن الحكومة ستعمل على تحسين الاقتصاد في البلاد';
    const decoded = decodeBytes(new Uint8Array(iconv.encode(text, 'windows-1256')));
    expect(decoded.text).toBe(text);
    expect(decoded.encoding.toLowerCase()).toBe('windows-1256');
  });

  it('reads windows-1251 Russian as Cyrillic letters', () => {
    const text =
      'Москва – Президент заявил сегодня, что правительство будет работать над экономикой страны.';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'windows-1251'))).text).toBe(text);
  });

  it('rejects binary data with NUL bytes', () => {
    const bytes = new Uint8Array([
      0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x00, 0x00, 0x00, 0x07,
    ]);
    expect(() => decodeBytes(bytes)).toThrow(DecodeError);
    expect(() => decodeBytes(bytes)).toThrow(/binary/);
  });

  it('rejects control-character noise rather than storing it', () => {
    const bytes = new Uint8Array(400).map((_, i) => (i * 37 + 1) % 32 || 1);
    expect(() => decodeBytes(bytes)).toThrow(/binary|control/);
  });

  it('accepts real text with a few stray control characters', () => {
    const poem =
      'قصيدة\n\nنا هناك نغالبه\n\u001a\u001a\u001a\u001a\nيؤرجحنا في الليل\n\u001a\u001a\u001a\u001a\nنجوم من الفول';
    expect(decodeBytes(enc(poem)).text).toBe(poem);
  });

  it('never returns U+FFFD: undecodable bytes are an error', () => {
    // A UTF-8 BOM followed by bytes that are not UTF-8.
    const bad = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28, 0xff]);
    expect(() => decodeBytes(bad)).toThrow(DecodeError);
    // Text that already holds replacement characters is refused too.
    expect(() => decodeBytes(enc('broken \ufffd text'))).toThrow(/U\+FFFD/);
  });

  it('decodeWithEncoding reproduces the text decodeBytes found', () => {
    const samples = [
      new Uint8Array(iconv.encode('Prix: 5 € – “déjà vu”, naïve façade.', 'windows-1252')),
      new Uint8Array([0xff, 0xfe, ...iconv.encode('Zürich', 'utf-16le')]),
      new Uint8Array([0xef, 0xbb, 0xbf, ...enc('BOM text')]),
    ];
    for (const bytes of samples) {
      const { text, encoding } = decodeBytes(bytes);
      expect(decodeWithEncoding(bytes, encoding)).toBe(text);
    }
  });

  it('records that an encoding was guessed when the bytes are not valid UTF-8', () => {
    // "café" with its é cut short: not UTF-8, read by the fallback as windows-1252.
    const broken = new Uint8Array([
      ...enc('Menu of the caf'),
      0xc3,
      ...enc('\n\nCoffee and cake.'),
    ]);
    const decoded = decodeBytes(broken);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text.startsWith('Menu of the cafÃ')).toBe(true);
    expect(decoded.guessed).toBe(true);
    const arabic = 'القاهرة - قال رئيس الوزراء اليوم إن الحكومة ستعمل على تحسين الاقتصاد';
    expect(decodeBytes(new Uint8Array(iconv.encode(arabic, 'windows-1256'))).guessed).toBe(true);
    // Declared (BOM), validated (UTF-8) and detected (UTF-16 without BOM) are not guesses.
    expect(decodeBytes(enc('plain ASCII')).guessed).toBe(false);
    const utf16 = new Uint8Array(iconv.encode('Plain English text by an old editor.', 'utf-16le'));
    expect(decodeBytes(utf16).guessed).toBe(false);
  });
});
