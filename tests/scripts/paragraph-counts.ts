// Paragraphs shown for the first N Reuters-21578 stories before and after paragraph rebuilding
// (cleaner format 1 showed every line of the body as a paragraph; format 2 rebuilds them).
// Usage: npx tsx tests/scripts/paragraph-counts.ts [N]
import { reutersDocs } from '../bench/corpus/sources';
import { cleanArticle, CLEANER_VERSION } from '../../main/core/text/parse-article';
import { hasShared, reutersJsonl, sharedSkipReason } from '../support/shared-data';

/**
 * Paragraphs the reader showed with cleaner format 1: one per non-blank line after the title
 * (these stories have no front matter, debris or dateline of their own line).
 */
const linesShown = (text: string): number => text.split('\n').filter((l) => l.trim()).length - 1;
/** Paragraphs the reader shows now: blocks separated by a blank line. */
const blocksShown = (body: string): number => body.split('\n\n').filter((b) => b.trim()).length;

async function main(): Promise<void> {
  if (!hasShared) {
    process.stderr.write(`${sharedSkipReason}\n`);
    return;
  }
  const n = Number(process.argv[2] ?? 50);
  const docs = await reutersDocs(reutersJsonl, n);
  let before = 0;
  let after = 0;
  const rows: string[] = [];
  for (const doc of docs) {
    const { title, body } = cleanArticle(doc.text);
    const b = linesShown(doc.text);
    const a = blocksShown(body);
    before += b;
    after += a;
    rows.push(`${String(b).padStart(4)} ${String(a).padStart(4)}  ${title.slice(0, 60)}`);
  }
  process.stdout.write(
    [
      `cleaner format ${CLEANER_VERSION}; first ${docs.length} Reuters-21578 stories`,
      'before after  title',
      ...rows,
      `total: ${before} paragraphs before, ${after} after`,
      '',
    ].join('\n'),
  );
}

void main();
