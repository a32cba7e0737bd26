// Where collections come from: the folder below the imported one, for files on disk and for
// contents dropped without a path.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectionKey,
  collectionOfFolder,
  folderBelow,
  folderOfDroppedName,
} from '../../../../main/core/organise/collection-name';

describe('folderBelow', () => {
  const root = join('/', 'data', 'bbc-fulltext');
  it('is the folder relative to the imported one, "/"-separated', () => {
    expect(folderBelow(root, join(root, 'sport', '001.txt'))).toBe('sport');
    expect(folderBelow(root, join(root, 'a', 'b', 'c.txt'))).toBe('a/b');
    expect(folderBelow(root, join(root, 'top.txt'))).toBe('');
  });
  it('is null without a root or outside it', () => {
    expect(folderBelow(null, join(root, 'sport', '001.txt'))).toBeNull();
    expect(folderBelow(root, join('/', 'elsewhere', 'x.txt'))).toBeNull();
    expect(folderBelow(root, join(root, '..', 'bbc-other', 'x.txt'))).toBeNull();
  });
});

describe('folderOfDroppedName', () => {
  it('drops the dropped folder itself and the file name', () => {
    expect(folderOfDroppedName('bbc/sport/001.txt')).toBe('sport');
    expect(folderOfDroppedName('bbc/001.txt')).toBe('');
    expect(folderOfDroppedName('001.txt')).toBeNull();
    expect(folderOfDroppedName('../x/./y/z.txt')).toBe('y');
  });
});

describe('collectionOfFolder', () => {
  it('is the first part, null at the top', () => {
    expect(collectionOfFolder('sport/deep')).toBe('sport');
    expect(collectionOfFolder('')).toBeNull();
    expect(collectionOfFolder(null)).toBeNull();
    expect(collectionOfFolder(undefined)).toBeNull();
  });
  it('keys ignore case and Unicode form', () => {
    expect(collectionKey('Cafe\u0301')).toBe(collectionKey('CAFÉ'));
  });
});
