// Real stored articles for store tests, as an import makes them (records, originals, ids).
import { join } from 'node:path';
import type { StoredArticle } from '../../../../main/core/store/article-file';
import { ArticleStore } from '../../../../main/core/store/article-store';
import { article, openFake, writeArticles } from '../library-helpers';
import { tempDir } from '../tmp-dir';

/** `n` articles imported into a scratch library and read back, titled `${label} i`. */
export async function storedArticles(n: number, label = 'Stored'): Promise<StoredArticle[]> {
  const base = tempDir();
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) files[`s${i}.txt`] = article(i, `${label} ${i}`);
  const lib = await openFake(join(base, 'lib'));
  const summary = await lib.importSources(
    writeArticles(join(base, 'src'), files).map((path) => ({ path })),
  );
  await lib.close();
  const store = new ArticleStore(join(base, 'lib'));
  const out: StoredArticle[] = [];
  for (const { id } of summary.imported) out.push((await store.read(id))!);
  await store.close();
  return out;
}
