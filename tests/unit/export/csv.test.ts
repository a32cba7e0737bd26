// CSV cells and rows: RFC 4180 quoting and formula neutralising.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvArticleRow, csvCell, csvHeader } from '../../../main/core/export/csv';
import type { ArticleMeta } from '../../../main/contract/types';

/** A minimal RFC 4180 reader, to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const meta = (over: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id: '0123456789abcdef',
  title: 'Plain',
  place: null,
  language: 'en',
  wordCount: 3,
  readingMinutes: 1,
  encoding: 'UTF-8',
  sourceName: 'a.txt',
  sourcePath: null,
  collection: null,
  byteLength: 10,
  importedAt: '2024-01-02T03:04:05.000Z',
  articleDate: null,
  tags: [],
  read: false,
  favourite: false,
  position: 0,
  trashedAt: null,
  excerpt: '',
  ...over,
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(false)).toBe('false');
  });

  it('writes text a spreadsheet would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const s of ['+1', '-1', '@SUM(A1)', '\tx']) expect(csvCell(s)).toBe(`'${s}`);
  });
});

describe('csv rows', () => {
  it('reads back as the same cells, one column per name', () => {
    const row = csvArticleRow(
      meta({ title: 'Oil, gas and "more"\nnews', tags: ['a', 'b c'], place: 'القاهرة' }),
      2,
      1,
    );
    const [header, cells] = parseCsv(csvHeader() + row);
    expect(header).toEqual([...CSV_COLUMNS]);
    const byName = Object.fromEntries(header!.map((h, i) => [h, cells![i]]));
    expect(byName.title).toBe('Oil, gas and "more"\nnews');
    expect(byName.tags).toBe('a; b c');
    expect(byName.place).toBe('القاهرة');
    expect(byName.highlights).toBe('2');
    expect(byName.notes).toBe('1');
    expect(row.endsWith('\r\n')).toBe(true);
  });
});
