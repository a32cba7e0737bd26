// Cost of people / organisations / places (figures for docs/entities.md):
//   extract [N=1000]  CPU ms per article of extraction alone over N BBC articles (title and
//                     clean body, as the library extracts them), after a warm-up pass.
//   cache [N=10000]   the cache's part alone: decoding entities.json of N articles, filling
//                     the in-memory index, counting the facets of all of them, a person: search.
//   library [N=10000] builds a library of N articles (Reuters, BBC, then SaudiNewsNet), times
//                     the import and the background extraction after it, then opens it cold in
//                     a new process and times the first complete facets and later facet calls.
// Usage: npx tsx tests/scripts/entities-measure.ts extract 1000
//        npx tsx tests/scripts/entities-measure.ts library 10000
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractEntities, EXTRACTOR_VERSION } from '../../main/core/entities/extract-entities';
import {
  decodeEntityCache,
  encodeEntityCache,
  type EntitiesById,
} from '../../main/core/entities/entity-cache';
import { EntityIndex, topNames } from '../../main/core/entities/entity-index';
import { entitiesOfText } from '../../main/core/entities/library-entities';
import { CLEANER_VERSION } from '../../main/core/text/parse-article';
import { openLibrary } from '../../main/core/library';
import { decodeWithEncoding } from '../../main/core/text/decode';
import { detectLanguage } from '../../main/core/text/language';
import { cleanArticle } from '../../main/core/text/parse-article';
import { bbcDocs, reutersDocs, saudiDocs } from '../bench/corpus/sources';
import {
  bbcDir,
  hasShared,
  repoRoot,
  reutersJsonl,
  saudiJsonl,
  sharedSkipReason,
} from '../support/shared-data';

const KEY = { extractorVersion: EXTRACTOR_VERSION, cleanerVersion: CLEANER_VERSION };

async function extract(n: number): Promise<void> {
  const docs = (await bbcDocs(bbcDir)).slice(0, n);
  const texts = docs.map((d) => {
    const clean = cleanArticle(d.bytes ? decodeWithEncoding(d.bytes, 'utf-8') : d.text);
    return {
      text: `${clean.title}\n\n${clean.body}`,
      place: clean.place,
      lang: detectLanguage(clean.body),
    };
  });
  for (const t of texts) extractEntities(t.text, t.lang, t.place);
  const runs: number[] = [];
  for (let r = 0; r < 3; r++) {
    const start = process.cpuUsage();
    for (const t of texts) extractEntities(t.text, t.lang, t.place);
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / 1000 / texts.length);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `extraction over ${texts.length} BBC articles: ${runs[1]!.toFixed(3)} ms CPU per article (median of 3 passes; ${runs.map((r) => r.toFixed(3)).join(', ')})`,
  );
}

async function build(n: number): Promise<void> {
  const docs = await mixedDocs(n);
  const src = mkdtempSync(join(tmpdir(), 'ar-entities-src-'));
  const dir = mkdtempSync(join(tmpdir(), 'ar-entities-lib-'));
  for (const d of docs) {
    const file = join(src, d.name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, d.bytes ?? d.text);
  }
  try {
    const lib = await openLibrary(dir);
    const t0 = performance.now();
    const summary = await lib.importSources([{ path: src }]);
    const t1 = performance.now();
    const facets = await lib.entityFacets({});
    await lib.listEntities();
    const t2 = performance.now();
    await lib.close();
    console.log(
      `library of ${summary.imported.length} articles: import ${((t1 - t0) / 1000).toFixed(1)} s; ` +
        `${facets.pending} articles pending after it, extracted in the background in ${((t2 - t1) / 1000).toFixed(1)} s ` +
        `(${((t2 - t1) / summary.imported.length).toFixed(2)} ms per article, file reads included)`,
    );
    for (let run = 0; run < 3; run++) {
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'tests', 'scripts', 'entities-measure.ts'), 'open', dir],
        { encoding: 'utf8', cwd: repoRoot },
      );
      process.stdout.write(child.stdout + child.stderr);
    }
  } finally {
    rmSync(src, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

async function coldOpen(dir: string): Promise<void> {
  const t0 = performance.now();
  const lib = await openLibrary(dir);
  const opened = performance.now();
  let facets = await lib.entityFacets({});
  while (facets.pending > 0) {
    await new Promise((done) => setTimeout(done, 5));
    facets = await lib.entityFacets({});
  }
  const first = performance.now();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    await lib.entityFacets({});
    times.push(performance.now() - s);
  }
  const s = performance.now();
  const searched = await lib.entityFacets({ query: 'oil' });
  const searchMs = performance.now() - s;
  times.sort((a, b) => a - b);
  console.log(
    `cold open: library open ${(opened - t0).toFixed(0)} ms, first complete facets ${(first - t0).toFixed(0)} ms after open began; ` +
      `facets of the whole library ${times[2]!.toFixed(1)} ms (median of 5); facets of a search "oil" ${searchMs.toFixed(0)} ms ` +
      `(${searched.totals.people} people, ${facets.totals.places} places in all)`,
  );
  await lib.close();
}

/** The cache's part of a cold open and of a facets call, in process, over N articles. */
async function cache(n: number): Promise<void> {
  const docs = await mixedDocs(n);
  const entities: EntitiesById = new Map();
  docs.forEach((d, i) => {
    const clean = cleanArticle(d.bytes ? decodeWithEncoding(d.bytes, 'utf-8') : d.text);
    const lang = detectLanguage(clean.body);
    entities.set(
      String(i).padStart(16, '0'),
      entitiesOfText({ title: clean.title, body: clean.body, language: lang, place: clean.place }),
    );
  });
  const text = encodeEntityCache(entities, KEY);
  // CPU time of this thread per phase (the machine is shared: wall time says more about the
  // neighbours), the least of five rounds.
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const best = { decode: Infinity, fill: Infinity, facets: Infinity, search: Infinity };
  let people = 0;
  for (let r = 0; r < 5; r++) {
    const t0 = cpu();
    const decoded = decodeEntityCache(text, KEY)!;
    const t1 = cpu();
    const index = new EntityIndex();
    for (const [id, names] of decoded) index.set(id, names);
    const t2 = cpu();
    const counts = index.count(decoded.keys());
    people = topNames(counts.get('person')!, 50, '').total;
    topNames(counts.get('organisation')!, 50, '');
    topNames(counts.get('place')!, 50, '');
    const t3 = cpu();
    index.match('person', ['smith'], false);
    const t4 = cpu();
    best.decode = Math.min(best.decode, t1 - t0);
    best.fill = Math.min(best.fill, t2 - t1);
    best.facets = Math.min(best.facets, t3 - t2);
    best.search = Math.min(best.search, t4 - t3);
  }
  const rounds = [
    `CPU ms, least of 5: decode ${best.decode.toFixed(0)}, fill ${best.fill.toFixed(0)}, ` +
      `facets of every article ${best.facets.toFixed(1)}, first person: search ${best.search.toFixed(0)} (${people} people)`,
  ];
  console.log(`entities.json of ${docs.length} articles: ${(text.length / 1e6).toFixed(1)} MB`);
  for (const r of rounds) console.log(`  ${r}`);
}

async function mixedDocs(n: number) {
  const reuters = await reutersDocs(reutersJsonl, Math.round(n * 0.7));
  const bbc = (await bbcDocs(bbcDir)).slice(0, Math.min(2225, n - reuters.length));
  const saudi = await saudiDocs(saudiJsonl, Math.max(0, n - reuters.length - bbc.length));
  return [...reuters, ...bbc, ...saudi];
}

async function main(): Promise<void> {
  if (!hasShared) {
    console.log(`skipped: ${sharedSkipReason}`);
    return;
  }
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'extract') await extract(Number(arg ?? 1000));
  else if (mode === 'library') await build(Number(arg ?? 10_000));
  else if (mode === 'open') await coldOpen(arg!);
  else if (mode === 'cache') await cache(Number(arg ?? 10_000));
  else console.log('usage: entities-measure.ts extract [N] | library [N]');
}

void main();
