// Paragraph rebuilding on the shared corpora (skipped when they are absent): hard-wrapped wire
// copy is joined into paragraphs, text that is not wrapped is left as it is, nothing is lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bbcDocs, reutersDocs, saudiDocs } from '../../bench/corpus/sources';
import { cleanArticle } from '../../../main/core/text/parse-article';
import { bbcDir, hasShared, reutersJsonl, saudiJsonl } from '../../support/shared-data';

const flat = (s: string): string => s.replace(/\s+/g, '');
const blocksOf = (body: string): string[] => body.split('\n\n');
const nonBlankLines = (s: string): string[] =>
  s
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Every line of the body lies within one line of the file: nothing was joined. */
function expectNothingJoined(text: string, body: string, name: string): void {
  for (const line of nonBlankLines(body))
    expect(text.includes(line), `${name}: ${line}`).toBe(true);
}

describe.skipIf(!hasShared)('paragraphs on the corpora', () => {
  it('Reuters-21578: wrapped lines are joined, no text is lost', async () => {
    const docs = await reutersDocs(reutersJsonl, 300);
    let lines = 0;
    let blocks = 0;
    for (const doc of docs) {
      const { body } = cleanArticle(doc.text);
      // Only whitespace changes: the body is the text after the title, maybe less a dateline.
      expect(flat(doc.text).includes(flat(body)), doc.name).toBe(true);
      const shown = blocksOf(body).filter((b) => b.trim()).length;
      const before = nonBlankLines(doc.text).length - 1;
      expect(shown, doc.name).toBeLessThanOrEqual(Math.max(before, 0));
      lines += before;
      blocks += shown;
    }
    // Wire copy is wrapped at ~65 columns with paragraphs of several lines each.
    expect(blocks).toBeLessThan(lines / 2);
    const cocoa = docs.find((d) => d.text.startsWith('BAHIA COCOA REVIEW'));
    if (cocoa) {
      const first = blocksOf(cleanArticle(cocoa.text).body)[0]!;
      expect(first).toMatch(/^Showers continued throughout the week in the Bahia cocoa zone, /);
      expect(first).toMatch(/said in its weekly review\.$/);
      expect(first).not.toContain('\n');
    }
  });

  it('BBC: paragraphs are already lines; nothing is joined, lists stay lists', async () => {
    const docs = await bbcDocs(bbcDir);
    expect(docs.length).toBeGreaterThan(2000);
    for (const doc of docs) {
      const text = doc.text;
      const { body } = cleanArticle(text);
      expect(flat(text).includes(flat(body)), doc.name).toBe(true);
      expectNothingJoined(text, body, doc.name);
    }
  });

  it('SaudiNewsNet (Arabic): nothing is joined, no text is lost', async () => {
    const docs = await saudiDocs(saudiJsonl, 1500);
    for (const doc of docs) {
      const { body } = cleanArticle(doc.text);
      expect(flat(doc.text).includes(flat(body)), doc.name).toBe(true);
      expectNothingJoined(doc.text, body, doc.name);
    }
  });

  it("Markdown (the BBC set's README): headings stand alone, list items stay lines", () => {
    const text = readFileSync(join(bbcDir, 'README.md'), 'utf8');
    const blocks = blocksOf(cleanArticle(text).body);
    for (const line of nonBlankLines(text).slice(1)) {
      if (line.startsWith('#')) expect(blocks).toContain(line);
      if (/^- /.test(line)) expect(blocks.some((b) => b.split('\n').includes(line))).toBe(true);
    }
  });
});
