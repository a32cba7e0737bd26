import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { walkSources } from '../../../main/core/import/walk';
import { countWords } from '../../../main/core/text/counts';
import { decodeBytes } from '../../../main/core/text/decode';
import { cleanArticle, parseArticle } from '../../../main/core/text/parse-article';
import { tempDir } from './tmp-dir';

const encode = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

describe('legacy encodings whose Windows twin moves letters', () => {
  it('keeps ISO-8859-7 Greek (Ά) and ISO-8859-2 Polish (ś ą ź) as written', () => {
    const greek = 'Ειδήσεις\n\nΆλλα νέα από την Αθήνα: η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα.\n';
    expect(decodeBytes(encode(greek, 'iso-8859-7')).text).toBe(greek);
    const polish =
      'Wiadomości\n\nZażółć gęślą jaźń. Kraków to piękne miasto, które warto odwiedzić.\n';
    expect(decodeBytes(encode(polish, 'iso-8859-2')).text).toBe(polish);
  });

  it('still reads Windows code pages whose bytes 0x80-0x9F are letters or quotes', () => {
    const czech = 'Zprávy\n\n„Šťastný“ řekl, že město Třebíč je krásné a žije tam mnoho lidí.\n';
    expect(decodeBytes(encode(czech, 'windows-1250')).text).toBe(czech);
    const greek = 'Ειδήσεις\n\n“Η Αθήνα” είναι η πρωτεύουσα της Ελλάδας, είπε ο υπουργός.\n';
    expect(decodeBytes(encode(greek, 'windows-1253')).text).toBe(greek);
  });

  it('tells ISO-8859-15 (€, œ) from Latin-1 fractions', () => {
    const french = 'Prix\n\nLe billet coûte 10 € et le cœur de l’œuvre est ailleurs.\n'.replace(
      /’/g,
      "'",
    );
    expect(decodeBytes(encode(french, 'iso-8859-15'))).toEqual({
      text: french,
      encoding: 'ISO-8859-15',
      guessed: true,
    });
    const recipe = 'Recette\n\nAjoutez 2½ tasses de farine et ¼ de sucre, mélangez bien.\n';
    expect(decodeBytes(encode(recipe, 'iso-8859-1')).text).toBe(recipe);
  });
});

describe('article shapes', () => {
  it('takes the title from Markdown front matter and leaves the block out of the body', () => {
    const text =
      '---\ntitle: "Front Matter Title"\ndate: 2021-03-04\ntags:\n  - a\n---\n\n# Heading\n\nBody words.\n';
    expect(cleanArticle(text)).toMatchObject({
      title: 'Front Matter Title',
      body: '# Heading\n\nBody words.',
    });
    const untitled = '---\nauthor: Someone\n---\n# Real Title\n\nBody.\n';
    expect(cleanArticle(untitled)).toMatchObject({ title: 'Real Title', body: 'Body.' });
  });

  it('treats a leading --- that is not front matter as an ordinary line', () => {
    const text = '---\nThis is a sentence, not YAML.\n---\nMore text.\n';
    expect(cleanArticle(text).title).toBe('---');
  });

  it('recognises a dateline standing alone as the first paragraph', () => {
    const a = cleanArticle('Title\n\nLONDON (Reuters) -\n\nShares rose on Monday.\n');
    expect(a).toMatchObject({ dateline: 'LONDON (Reuters) -', place: 'LONDON' });
    expect(a.body).toBe('Shares rose on Monday.');
  });

  it('shortens a paragraph-long first line for the title and keeps it whole in the body', () => {
    const line = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const a = cleanArticle(`${line}\n\nSecond paragraph.`);
    expect(a.title.length).toBeLessThanOrEqual(301);
    expect(a.title.endsWith('…')).toBe(true);
    expect(line.startsWith(a.title.slice(0, -1))).toBe(true);
    expect(a.body).toBe(`${line}\n\nSecond paragraph.`);
    const short = cleanArticle('A normal title\n\nBody.');
    expect(short).toMatchObject({ title: 'A normal title', body: 'Body.' });
  });

  it('counts words in scripts written without spaces', () => {
    expect(countWords('今日は東京で雨が降りました。')).toBeGreaterThan(4);
    expect(countWords('ภาษาไทยเป็นภาษาที่สวยงาม')).toBeGreaterThan(3);
    expect(countWords('plain English words here')).toBe(4);
    expect(parseArticle('北京\n\n今天北京天气很好，人们在公园里散步。').wordCount).toBeGreaterThan(
      5,
    );
  });
});

describe('walking folders', () => {
  it('skips hidden folders inside a folder and survives a symlink cycle', async () => {
    const root = tempDir();
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, '.git', 'notes.txt'), 'not an article');
    writeFileSync(join(root, 'sub', 'a.txt'), 'A\n\nbody');
    symlinkSync('..', join(root, 'sub', 'loop'));
    const files: string[] = [];
    const skipped: string[] = [];
    for await (const item of walkSources([{ path: root }])) {
      if (item.type === 'file') files.push(item.path);
      if (item.type === 'skipped') skipped.push(item.path);
    }
    expect(files).toEqual([join(root, 'sub', 'a.txt')]);
    expect(skipped).toContain(join(root, '.git'));
    const named: string[] = [];
    for await (const item of walkSources([{ path: join(root, '.git') }])) {
      if (item.type === 'file') named.push(item.path);
    }
    expect(named).toEqual([join(root, '.git', 'notes.txt')]);
  });
});
