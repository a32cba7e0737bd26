// Timeline and date costs on a real library of 10,000 Reuters-21578 stories laid out as the
// collection has them (date line, title, dateline and body): the timeline call for the whole
// view, a search and a range (median of 20 after one warm-up), and what finding every date
// again adds to a reindex. Usage: npx tsx tests/scripts/timeline-measure.ts [N]
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readJsonl } from '../bench/corpus/sources';
import { openLibrary } from '../../main/core/library';
import { articleDateOf } from '../../main/core/text/article-date';
import { cleanArticle } from '../../main/core/text/parse-article';
import { hasShared, reutersJsonl, sharedSkipReason } from '../support/shared-data';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

async function main(): Promise<void> {
  if (!hasShared) {
    process.stderr.write(`${sharedSkipReason}\n`);
    return;
  }
  const n = Number(process.argv[2] ?? 10_000);
  const texts = await readJsonl(
    reutersJsonl,
    (r) =>
      str(r.title) || str(r.body)
        ? `${str(r.date)}\n${str(r.title)}\n\n${str(r.dateline)} ${str(r.body)}\n`
        : null,
    n,
  );
  const base = mkdtempSync(join(tmpdir(), 'timeline-measure-'));
  const src = join(base, 'src');
  texts.forEach((text, i) => {
    const dir = join(src, String(Math.floor(i / 1000)));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.txt`), text);
  });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const lib = await openLibrary(join(base, 'lib'));
  try {
    let t = performance.now();
    await lib.importSources([{ path: src }]);
    out(`${texts.length} stories imported in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const all = await lib.timeline({});
    out(
      `timeline: ${all.dated} dated, ${all.undated} undated, ${all.buckets.length} ${all.unit} bars`,
    );
    out(`timeline, whole view: ${(await median(20, () => lib.timeline({}))).toFixed(2)} ms`);
    out(
      `timeline, a range (March 1987): ${(await median(20, () => lib.timeline({ from: '1987-03-01', to: '1987-03-31' }))).toFixed(2)} ms`,
    );
    const hits = await lib.search({ query: 'oil', limit: 1 });
    out(
      `timeline, search "oil" (${hits.total} hits): ${(await median(20, () => lib.timeline({ query: 'oil' }))).toFixed(2)} ms; the search itself: ${(await median(20, () => lib.search({ query: 'oil', limit: 50 }))).toFixed(2)} ms`,
    );
    out(
      `list, a range: ${(await median(20, () => lib.list({ from: '1987-03-01', to: '1987-03-31', limit: 100 }))).toFixed(2)} ms`,
    );
    // What finding the date again costs per article, beside the decode and clean a reindex does.
    t = performance.now();
    const cleaned = texts.map((text) => ({ text, clean: cleanArticle(text) }));
    const cleanMs = performance.now() - t;
    t = performance.now();
    for (const { text, clean } of cleaned) articleDateOf(text, clean, 'en');
    const dateMs = performance.now() - t;
    out(`clean ${cleanMs.toFixed(0)} ms, dates ${dateMs.toFixed(0)} ms for ${texts.length}`);
    t = performance.now();
    await lib.reindex();
    out(
      `reindex (dates found again, none changed): ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await lib.close();
    rmSync(base, { recursive: true, force: true });
  }
}

void main();
