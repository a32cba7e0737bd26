// Exported file names: safe on Windows, macOS and Linux, and unique in their folder.
import { describe, expect, it } from 'vitest';
import {
  cutToBytes,
  MAX_NAME_BYTES,
  safeStem,
  UniqueNames,
} from '../../../main/core/export/file-names';

describe('safeStem', () => {
  it('prefixes the device names Windows reserves, with or without an extension', () => {
    for (const name of [
      'CON',
      'con',
      'PRN',
      'AUX',
      'NUL',
      'COM1',
      'com9',
      'LPT1',
      'LPT¹',
      'nul.tar',
    ]) {
      expect(safeStem(name)).toBe(`_${name}`);
    }
    expect(safeStem('CONTROL')).toBe('CONTROL');
    expect(safeStem('Console wars')).toBe('Console wars');
  });

  it('replaces characters some OS forbids and control characters', () => {
    expect(safeStem('a<b>c:d"e/f\\g|h?i*j')).toBe('a b c d e f g h i j');
    expect(safeStem('tab\there\u0000nul\u007fdel')).toBe('tab here nul del');
  });

  it('drops trailing dots and spaces (Windows) and leading dots (hidden on Unix)', () => {
    expect(safeStem('Who knew...  ')).toBe('Who knew');
    expect(safeStem('...hidden')).toBe('hidden');
    expect(safeStem(' . ')).toBe('Untitled');
    expect(safeStem('')).toBe('Untitled');
  });

  it('removes bidirectional overrides that could disguise the extension', () => {
    expect(safeStem('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
  });

  it('keeps Arabic and Persian titles, joiners included, and cuts long ones on a character', () => {
    expect(safeStem('مرحبا بالعالم')).toBe('مرحبا بالعالم');
    expect(safeStem('می\u200cخواهم')).toBe('می\u200cخواهم');
    const long = 'الحكومة '.repeat(100);
    const stem = safeStem(long);
    expect(Buffer.byteLength(stem, 'utf8')).toBeLessThanOrEqual(MAX_NAME_BYTES - 24);
    expect(long.startsWith(stem)).toBe(true);
    expect(stem).not.toMatch(/\uFFFD/);
  });

  it('cuts between grapheme clusters, never inside a surrogate pair or after a bare base', () => {
    expect(cutToBytes('ab😀', 5)).toBe('ab');
    expect(cutToBytes('e\u0301e\u0301', 4)).toBe('e\u0301');
  });
});

describe('UniqueNames', () => {
  it('numbers clashes, compared without regard to case or Unicode normalisation', () => {
    const names = new UniqueNames();
    expect(names.next('Report', 'md')).toBe('Report.md');
    expect(names.next('report', 'md')).toBe('report (2).md');
    expect(names.next('REPORT', 'md')).toBe('REPORT (3).md');
    expect(names.next('Report', 'txt')).toBe('Report.txt');
    expect(names.next('Caf\u00e9', 'md')).toBe('Café.md');
    expect(names.next('Cafe\u0301', 'md')).toBe('Café (2).md');
  });

  it('keeps the numbered names unique against titles that already end in a number', () => {
    const names = new UniqueNames();
    const got = ['A', 'A (2)', 'A', 'A'].map((t) => names.next(t, 'md'));
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(4);
  });
});
