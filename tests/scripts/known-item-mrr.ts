// Known-item search: how high does a given article rank when looked for the way people do?
// MRR@10 over targets spread through a corpus, three ways: its title words; four words of
// its body that are not in its title; its title with one letter dropped or two swapped.
// The same file runs against an older checkout (it uses only index.search(query)), so the
// figures compare behaviours on a corpus nothing was tuned on (Reuters-21578 by default).
// Usage: npx tsx tests/scripts/known-item-mrr.ts [articles=5000] [targets=400]
import { QueryError } from '../../main/core/errors';
import { readJsonl } from '../bench/corpus/sources';
import { hasShared, reutersJsonl, sharedSkipReason } from '../support/shared-data';
import { doc, MemoryStore, openIndex, tempDir } from '../unit/search/helpers';

interface Story {
  id: string;
  title: string;
  body: string;
}

/** A small deterministic generator (mulberry32), so every run asks the same questions. */
function random(seed: number): (k: number) => number {
  let a = seed >>> 0;
  return (k) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * k);
  };
}

// Words as people type them: lower case, apostrophes, hyphens and dots inside words kept, no query
// syntax (Reuters titles are in capitals, where OR and NOT would be operators; "<GM>" or
// "U.K.:" are not what anyone types).
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'’.-]/gu, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[-'’.]+|[-'’.]+$/gu, ''))
    .filter((w) => w.length > 0);

function titleQuery(s: Story): string | null {
  const w = words(s.title);
  return w.length >= 2 ? w.join(' ') : null;
}

function bodyQuery(s: Story, rnd: (k: number) => number): string | null {
  const inTitle = new Set(words(s.title));
  const pool = [...new Set(words(s.body))].filter((w) => w.length >= 4 && !inTitle.has(w));
  if (pool.length < 4) return null;
  const picked: string[] = [];
  while (picked.length < 4) {
    const w = pool.splice(rnd(pool.length), 1)[0]!;
    picked.push(w);
  }
  return picked.join(' ');
}

function typoQuery(s: Story, n: number): string | null {
  const w = words(s.title);
  if (w.length < 2) return null;
  let at = -1;
  for (let i = 0; i < w.length; i++)
    if (/^\p{L}{5,}$/u.test(w[i]!) && (at < 0 || w[i]!.length > w[at]!.length)) at = i;
  if (at < 0) return null;
  const word = w[at]!;
  const mid = Math.floor(word.length / 2);
  // Alternately a dropped letter and two neighbours swapped.
  w[at] =
    n % 2 === 0
      ? word.slice(0, mid) + word.slice(mid + 1)
      : word.slice(0, mid - 1) + word[mid]! + word[mid - 1]! + word.slice(mid + 1);
  return w.join(' ');
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stderr.write(`${sharedSkipReason}\n`);
    return;
  }
  const articles = Number(process.argv[2] ?? 5000);
  const targets = Number(process.argv[3] ?? 400);
  let n = 0;
  const stories = await readJsonl<Story>(
    reutersJsonl,
    (r) => {
      const title = typeof r.title === 'string' ? r.title.trim() : '';
      const body = typeof r.body === 'string' ? r.body.trim() : '';
      return title && body ? { id: `r${++n}`, title, body } : null;
    },
    articles,
  );
  const store = new MemoryStore(stories.map((s) => doc(s.id, { title: s.title, body: s.body })));
  const { dir, cleanup } = await tempDir();
  const index = await openIndex(dir, store);
  const rnd = random(11);
  const kinds = { title: [] as number[], body: [] as number[], typo: [] as number[] };
  const step = Math.max(1, Math.floor(stories.length / targets));
  const rank = async (query: string, id: string): Promise<number> => {
    try {
      const hits = (await index.search(query)).hits.slice(0, 10);
      const at = hits.findIndex((h) => h.id === id);
      return at < 0 ? 0 : 1 / (at + 1);
    } catch (e) {
      if (e instanceof QueryError) return 0;
      throw e;
    }
  };
  for (let i = 0, t = 0; i < stories.length && t < targets; i += step, t++) {
    const s = stories[i]!;
    const q1 = titleQuery(s);
    const q2 = bodyQuery(s, rnd);
    const q3 = typoQuery(s, t);
    if (q1) kinds.title.push(await rank(q1, s.id));
    if (q2) kinds.body.push(await rank(q2, s.id));
    if (q3) kinds.typo.push(await rank(q3, s.id));
  }
  await index.close();
  await cleanup();
  const mrr = (xs: number[]): string =>
    xs.length ? (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(3) : '-';
  process.stdout.write(
    `known-item MRR@10 over ${stories.length} Reuters stories: ` +
      `title ${mrr(kinds.title)} (${kinds.title.length}), ` +
      `body words ${mrr(kinds.body)} (${kinds.body.length}), ` +
      `title typo ${mrr(kinds.typo)} (${kinds.typo.length})\n`,
  );
}

void main();
