import { describe, expect, it, vi } from 'vitest';
import { describeSummary } from '../../../main/cli/commands/import';
import { describeArticle } from '../../../main/cli/commands/show';
import { escapeControls, escapeJson, escapeOutput } from '../../../main/cli/format/escape-controls';
import { markRanges, mergeRanges } from '../../../main/cli/format/marks';
import { formatBytes, formatCount, plural } from '../../../main/cli/format/numbers';
import { renderTable } from '../../../main/cli/format/table';
import { ProgressLine } from '../../../main/cli/progress';
import type { ArticleView } from '../../../main/contract/types';

// Every character a terminal may act on: C0 (with ESC, BEL, CR, LF), DEL, C1 (CSI, OSC), and
// the bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- the controls are what is looked for
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'esc-\x1b]0;PWNED\x07-\x1b[2J-name\nfake line\r\u202etxt.exe\u2066\x9b31m\x7f.txt';

describe('markRanges', () => {
  it('wraps matches in guillemets without style and bold with style', () => {
    const ranges = [{ start: 4, end: 9 }];
    expect(markRanges('the quick fox', ranges, false)).toBe('the «quick» fox');
    expect(markRanges('the quick fox', ranges, true)).toBe('the \x1b[1mquick\x1b[22m fox');
  });

  it('merges overlapping and unsorted ranges and clamps them to the text', () => {
    expect(
      mergeRanges(
        [
          { start: 5, end: 8 },
          { start: 0, end: 2 },
          { start: 6, end: 20 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 10 },
    ]);
    expect(
      markRanges(
        'abcdef',
        [
          { start: 3, end: 99 },
          { start: 1, end: 4 },
        ],
        false,
      ),
    ).toBe('a«bcdef»');
  });
});

describe('numbers', () => {
  it('groups thousands and pluralises', () => {
    expect(formatCount(2225)).toBe('2,225');
    expect(plural(1, 'article')).toBe('1 article');
    expect(plural(1234, 'article')).toBe('1,234 articles');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('groups whole numbers as Intl does, without making a formatter for them', async () => {
    const intl = new Intl.NumberFormat('en-US');
    const Real = Intl.NumberFormat;
    const made = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function made(
      ...args: ConstructorParameters<typeof Intl.NumberFormat>
    ) {
      return new Real(...args);
    });
    // Loaded afresh, so that a formatter made when the module loads is seen too.
    vi.resetModules();
    const { formatCount } = await import('../../../main/cli/format/numbers');
    const values = [0, -0, 1, 12, 999, 1000, -1000, 12345, 123456, 1234567, -98765432];
    values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 10 ** 15, 2 ** 40 + 7);
    for (let n = 1; n < 1e15; n = n * 7 + 3) values.push(n, -n);
    for (const n of values) expect(formatCount(n), String(n)).toBe(intl.format(n));
    // A fresh process pays ~11 ms for the first Intl.NumberFormat (docs/benchmarks.md).
    expect(made).not.toHaveBeenCalled();
    // Anything else still goes through Intl, with the same result as before.
    for (const n of [1234.5678, -0.5, 2 ** 60, NaN, Infinity, -Infinity]) {
      expect(formatCount(n), String(n)).toBe(intl.format(n));
    }
    made.mockRestore();
  });
});

describe('renderTable', () => {
  it('pads columns and shrinks the flexible one to the width', () => {
    const out = renderTable(
      [{ header: 'ID' }, { header: 'TITLE', flexible: true }, { header: 'TAGS' }],
      [['a1', 'A very long title that will not fit in the room we have', 'x']],
      40,
    );
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ID {2}TITLE +TAGS$/);
    expect(lines[1]!.length).toBeLessThanOrEqual(40);
    expect(lines[1]).toContain('…');
    expect(lines[1]!.endsWith('x')).toBe(true);
  });
});

describe('ProgressLine', () => {
  const fakeStream = () => {
    const writes: string[] = [];
    return { writes, stream: { isTTY: true, columns: 50, write: (t: string) => writes.push(t) } };
  };

  it('draws one updating line with grouped counts and clears it', () => {
    const { writes, stream } = fakeStream();
    let t = 0;
    const p = new ProgressLine(stream, true, () => t);
    p.update('Importing', 1234, 2225, 'business/123.txt');
    t += 10;
    p.update('Importing', 1235, 2225, 'business/124.txt'); // throttled
    t += 100;
    p.update('Importing', 1300, 2225, 'a/very/long/path/that/does/not/fit/on/the/line.txt');
    p.clear();
    expect(writes[0]).toBe('\r\x1b[2KImporting 1,234/2,225 business/123.txt');
    expect(writes).toHaveLength(3);
    expect(writes[1]!.length).toBeLessThanOrEqual(49 + 5);
    expect(writes[1]).toMatch(/….*line\.txt$/);
    expect(writes[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing when disabled', () => {
    const { writes, stream } = fakeStream();
    const p = new ProgressLine(stream, false);
    p.update('Importing', 1, 2);
    p.clear();
    expect(writes).toEqual([]);
  });
});

describe('describeSummary', () => {
  it('prints the counts line and every failure with its reason', () => {
    const text = describeSummary(
      {
        imported: [{ id: 'aaaa', title: 'First', path: '/x/a.txt' }],
        duplicates: [{ id: 'aaaa', title: 'First', path: '/x/b.txt' }],
        failed: [{ path: '/x/c.txt', reason: 'not text' }],
        skipped: 3,
        cancelled: false,
      },
      '/x',
    );
    expect(text).toContain('  + aaaa  First');
    expect(text).toContain('1 imported, 1 duplicates, 1 failed, 3 skipped');
    expect(text).toContain('  c.txt: not text');
  });
});

describe('escaping controls in CLI output', () => {
  it('shows every control and bidi control of a field as a visible escape', () => {
    expect(escapeControls(HOSTILE)).toBe(
      'esc-\\x1b]0;PWNED\\x07-\\x1b[2J-name\\x0afake line\\x0d\\u202etxt.exe\\u2066\\x9b31m\\x7f.txt',
    );
    for (const c of ['\t', '\u0000', '\u0085', '\u202a', '\u202b', '\u202c', '\u202d', '\u2069']) {
      expect(escapeControls(`a${c}b`)).not.toMatch(UNSAFE);
    }
    // Real text in any script, joiners and marks included, is left alone.
    const text = 'Café – 東京 – می‌خواهم – 👩‍👩‍👧 – שלום \u200f';
    expect(escapeControls(text)).toBe(text);
  });

  it('keeps the line breaks, tabs and bold of whole output, and escapes the rest', () => {
    const out = escapeOutput(`line one\r\nline\ttwo\n\x1b[1mbold\x1b[22m ${HOSTILE}`);
    expect(out.startsWith('line one\r\nline\ttwo\n\x1b[1mbold\x1b[22m esc-\\x1b]0;')).toBe(true);
    expect(out).toContain('\\x1b[2J');
    expect(out).toContain('\\u202e');
    // A line break inside a field is the field's to escape (escapeControls); whole output keeps them.
    expect(out.split('\n')).toHaveLength(4);
  });

  it('escapes DEL, C1 and bidi controls in JSON so it stays valid and decodes the same', () => {
    const value = { path: HOSTILE, list: ['\u2067x\u2069', '\u0085'] };
    const json = escapeJson(JSON.stringify(value, null, 2));
    for (const line of json.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(json).toContain('\\u202e');
    expect(json).toContain('\\u009b');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('leaves no raw control in the import summary, one line per file', () => {
    const text = describeSummary(
      {
        imported: [{ id: 'aaaa', title: `Evil \u202etitle`, path: `/x/${HOSTILE}` }],
        duplicates: [],
        failed: [{ path: `/x/${HOSTILE}`, reason: 'file looks binary' }],
        skipped: 1,
        skippedFiles: [{ path: `/x/${HOSTILE}`, reason: 'not a regular file: a named pipe' }],
        cancelled: false,
      },
      '/x',
    );
    const lines = text.split('\n');
    for (const line of lines) expect(line).not.toMatch(UNSAFE);
    expect(lines).toHaveLength(6);
    expect(lines[3]).toBe(`  ${escapeControls(HOSTILE)}: file looks binary`);
    expect(lines[4]).toBe('Skipped:');
    expect(lines[5]).toBe(`  ${escapeControls(HOSTILE)}: not a regular file: a named pipe`);
  });

  it('leaves no raw control in tables, marked snippets or the progress line', () => {
    const table = renderTable(
      [{ header: 'ID' }, { header: 'TITLE', flexible: true }],
      [['a1', HOSTILE]],
    );
    expect(table.split('\n')).toHaveLength(2);
    for (const line of table.split('\n')) expect(line).not.toMatch(UNSAFE);
    const marked = markRanges(HOSTILE, [{ start: 4, end: 9 }], true);
    expect(escapeOutput(marked)).toBe(marked);
    expect(marked.split('\x1b[1m').join('').split('\x1b[22m').join('')).not.toMatch(UNSAFE);
    const writes: string[] = [];
    const p = new ProgressLine({ isTTY: true, columns: 200, write: (t) => writes.push(t) }, true);
    p.update('Importing', 1, 2, HOSTILE);
    expect(writes[0]!.startsWith('\r\x1b[2KImporting 1/2 ')).toBe(true);
    expect(writes[0]!.slice('\r\x1b[2K'.length)).not.toMatch(UNSAFE);
  });

  it('leaves no raw control in the header of show, and says when the encoding was guessed', () => {
    const view: ArticleView = {
      id: '0123456789abcdef',
      title: `Evil \u202etitle`,
      place: 'LONDON',
      language: 'en',
      wordCount: 3,
      readingMinutes: 1,
      encoding: 'windows-1252',
      encodingGuessed: true,
      sourceName: HOSTILE,
      sourcePath: `/x/${HOSTILE}`,
      byteLength: 10,
      importedAt: '2024-01-01T00:00:00.000Z',
      articleDate: null,
      tags: ['a\u202eb'],
      read: false,
      favourite: false,
      position: 0,
      trashedAt: null,
      excerpt: '',
      dateline: null,
      body: 'First line\rSecond line',
      original: '',
      matches: [],
      titleMatches: [],
      highlights: [],
      versions: [],
      entities: { people: [], organisations: [], places: [] },
    };
    const lines = describeArticle(view, false).split('\n');
    for (const line of lines.slice(0, 4)) expect(line).not.toMatch(UNSAFE);
    expect(lines[0]).toBe('Evil \\u202etitle');
    expect(lines[3]).toBe('Encoding: windows-1252 (guessed)');
    expect(lines.slice(5)).toEqual(['First line', 'Second line']);
    const sure = describeArticle({ ...view, encodingGuessed: false }, false);
    expect(sure).not.toContain('Encoding:');
  });
});
