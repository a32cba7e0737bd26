// Related articles on the BBC set: how often the top 5 related articles of an article share its
// category (the folder), averaged over every article, and how long related() takes (p50/p95
// over 200 articles picked at random). The index is built from the texts alone (no library),
// as the other search scripts do (tests/unit/search/helpers.ts needs vitest, so not from there); the figures go in docs/search.md.
// With --scale N, only the timing, over an index of N articles made the way the benchmarks
// make their corpora (BBC, Reuters and SaudiNewsNet, then deterministic variants).
// Usage: npx tsx tests/scripts/related-quality.ts [top=5] [timed=200]
//        npx tsx tests/scripts/related-quality.ts --scale 100000 [timed=200]
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanArticle } from '../../main/core/text/parse-article';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import { planCorpus } from '../bench/corpus/plan';
import {
  bbcDir,
  hasShared,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';
import { SearchIndex } from '../../main/core/search/segmented-index';
import type { IndexDoc } from '../../main/core/search/types';

interface Story {
  id: string;
  category: string;
  title: string;
  body: string;
}

/** A small deterministic generator (mulberry32), so every run times the same articles. */
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

async function readStories(): Promise<Story[]> {
  const stories: Story[] = [];
  const folders = (await readdir(bbcDir, { withFileTypes: true })).filter((e) => e.isDirectory());
  for (const folder of folders) {
    const names = (await readdir(join(bbcDir, folder.name))).filter((n) => n.endsWith('.txt'));
    for (const name of names.sort()) {
      const text = await readFile(join(bbcDir, folder.name, name), 'utf8');
      const { title, body } = cleanArticle(text);
      stories.push({ id: `b${stories.length}`, category: folder.name, title, body });
    }
  }
  return stories;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The benchmarks' corpus of `size` articles, cleaned as import cleans them. */
async function scaledStories(size: number): Promise<Story[]> {
  const base = [
    ...(await bbcDocs(bbcDir)),
    ...(await reutersDocs(reutersJsonl)),
    ...(await saudiDocs(saudiJsonl)),
  ];
  return planCorpus(base, size).map((d, i) => {
    const { title, body } = cleanArticle(d.text);
    return { id: `s${i}`, category: d.name.split('/')[0]!, title, body };
  });
}

/** An index over `stories` in a temp folder; SaudiNewsNet's are Arabic, the rest English. */
async function indexOver(stories: Story[]): Promise<{ index: SearchIndex; dir: string }> {
  const docs = new Map<string, IndexDoc>();
  for (const s of stories) {
    const language = s.category === 'saudi' ? 'ar' : 'en';
    docs.set(s.id, { ...s, rev: 1, tags: [], place: null, language });
  }
  const dir = await mkdtemp(join(tmpdir(), 'ar-related-'));
  const index = new SearchIndex({ dir, loadDoc: async (id) => docs.get(id) ?? null });
  await index.open(new Map([...docs.keys()].map((id) => [id, 1])));
  await index.flush();
  return { index, dir };
}

/** p50 and p95 of related() over `timed` articles picked at random (seeded). */
async function timing(
  stories: Story[],
  timed: number,
  related: (s: Story) => Promise<unknown>,
): Promise<string> {
  const rnd = random(7);
  const times: number[] = [];
  for (let i = 0; i < timed; i++) {
    const s = stories[rnd(stories.length)]!;
    const started = performance.now();
    await related(s);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return (
    `related() over ${timed} random articles: p50 ${percentile(times, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(times, 95).toFixed(1)} ms`
  );
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stderr.write(`${sharedSkipReason}\n`);
    return;
  }
  const args = process.argv.slice(2);
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt < 0 ? 0 : Number(args.splice(scaleAt, 2)[1]);
  const top = scale ? 10 : Number(args[0] ?? 5);
  const timed = Number(args[scale ? 0 : 1] ?? 200);
  const stories = scale ? await scaledStories(scale) : await readStories();
  const built = performance.now();
  const { index, dir } = await indexOver(stories);
  const related = (s: Story) =>
    index.moreLikeThis(s.id, { title: s.title, body: s.body, language: 'en' }, top);
  if (scale) {
    const took = ((performance.now() - built) / 1000).toFixed(0);
    const line = await timing(stories, timed, related);
    await index.close();
    await rm(dir, { recursive: true, force: true });
    process.stdout.write(
      `${stories.length} articles (index built in ${took} s), top ${top}: ${line}\n`,
    );
    return;
  }
  const byId = new Map(stories.map((s) => [s.id, s]));
  let shared = 0;
  let listed = 0;
  let perfect = 0;
  for (const s of stories) {
    const { hits } = await related(s);
    const same = hits.filter((h) => byId.get(h.id)!.category === s.category).length;
    shared += same;
    listed += hits.length;
    if (same === hits.length) perfect++;
  }
  const line = await timing(stories, timed, related);
  await index.close();
  await rm(dir, { recursive: true, force: true });
  process.stdout.write(
    `related articles over ${stories.length} BBC articles: ` +
      `${((100 * shared) / listed).toFixed(1)}% of the top ${top} share the article's category ` +
      `(${listed} listed; all ${top} in ${((100 * perfect) / stories.length).toFixed(1)}% of articles); ` +
      `${line}\n`,
  );
}

void main();
