// The one rule set for which files in a folder are articles, as the engine's walk applies it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isArticleName, isSkippedFolderName } from '../../../main/contract/import-rules';
import { walkSources } from '../../../main/core/import/walk';
import { tempDir } from './tmp-dir';

describe('import rules (main/contract/import-rules.ts)', () => {
  it('takes .txt, .text and .md files in any case, and nothing else', () => {
    for (const name of ['a.txt', 'B.TXT', 'c.text', 'notes.Md', 'مقال.txt', '新闻.md'])
      expect(isArticleName(name), name).toBe(true);
    for (const name of ['a.pdf', 'a.txt.gz', 'txt', 'a.', 'a', 'a.markdown'])
      expect(isArticleName(name), name).toBe(false);
  });

  it("skips hidden files and a collection's own documentation", () => {
    for (const name of [
      '.hidden.txt',
      'README.md',
      'readme.txt',
      'ORIGINAL-README.TXT',
      'LICENSE.txt',
      'licence.md',
      'CHANGELOG.md',
      'AUTHORS.txt',
      'COPYING.text',
      'CONTRIBUTING.md',
    ])
      expect(isArticleName(name), name).toBe(false);
    // Words that merely contain those names are articles.
    for (const name of ['readmeasure.txt', 'licensed-to-kill.txt', 'exchanges.txt'])
      expect(isArticleName(name), name).toBe(true);
  });

  it('skips hidden folders only', () => {
    expect(isSkippedFolderName('.git')).toBe(true);
    expect(isSkippedFolderName('.Trash')).toBe(true);
    expect(isSkippedFolderName('2024')).toBe(false);
    expect(isSkippedFolderName('docs')).toBe(false);
  });

  it('is the rule the engine walk applies', async () => {
    const root = join(tempDir(), 'drop');
    mkdirSync(join(root, '.git'), { recursive: true });
    mkdirSync(join(root, 'sub'), { recursive: true });
    const names = ['README.md', 'ORIGINAL-README.TXT', 'a.txt', 'b.pdf', join('sub', 'c.md')];
    for (const n of names) writeFileSync(join(root, n), 'Title\n\nText.');
    writeFileSync(join(root, '.git', 'x.txt'), 'Title\n\nText.');
    const found: string[] = [];
    for await (const item of walkSources([{ path: root }]))
      if (item.type === 'file') found.push(item.path);
    const ruled = names.filter((n) => isArticleName(n.split('/').pop() ?? ''));
    expect(found).toEqual(ruled.map((n) => join(root, n)).sort());
    expect(found).toEqual([join(root, 'a.txt'), join(root, 'sub', 'c.md')]);
  });
});
