import { describe, expect, it } from 'vitest';
import { describeSummary } from '../../../main/cli/commands/import';
import { markRanges, mergeRanges } from '../../../main/cli/format/marks';
import { formatBytes, formatCount, plural } from '../../../main/cli/format/numbers';
import { renderTable } from '../../../main/cli/format/table';
import { ProgressLine } from '../../../main/cli/progress';

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
