// Child process measuring the baseline: one plain lunr() build over the corpus files
// (default pipeline, fields title and body), its JSON size, and a cold Index.load.
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import lunr from 'lunr';
import type { BenchQuery } from '../queries';
import { listTextFiles, now, timeQueries, writeResult } from './measure';

interface Config {
  corpusDir: string;
  queriesFile: string;
  indexFile: string;
  resultFile: string;
}

async function build(config: Config): Promise<void> {
  const t0 = now();
  const files = await listTextFiles(config.corpusDir);
  const docs: { id: string; title: string; body: string }[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const nl = text.indexOf('\n');
    docs.push({
      id: String(docs.length),
      title: nl < 0 ? text : text.slice(0, nl),
      body: nl < 0 ? '' : text.slice(nl + 1),
    });
  }
  const index = lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('body');
    for (const d of docs) this.add(d);
  });
  const buildMs = now() - t0;
  const json = JSON.stringify(index);
  await writeFile(config.indexFile, json);
  writeResult(config.resultFile, {
    files: files.length,
    buildMs,
    importPerSec: files.length / (buildMs / 1000),
    indexBytes: Buffer.byteLength(json),
  });
}

async function cold(config: Config): Promise<void> {
  const queries = JSON.parse(readFileSync(config.queriesFile, 'utf8')) as BenchQuery[];
  const t0 = now();
  const index = lunr.Index.load(JSON.parse(await readFile(config.indexFile, 'utf8')));
  const loadMs = now() - t0;
  index.search(queries[0]!.lunr);
  const firstSearchMs = now() - t0;
  const timing = await timeQueries(
    queries.map((q) => q.lunr),
    (q) => index.search(q),
  );
  writeResult(config.resultFile, { coldListMs: loadMs, firstSearchMs, ...timing });
}

const [mode, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson ?? '{}') as Config;
(mode === 'build' ? build(config) : cold(config)).catch((e: unknown) => {
  process.stderr.write(`lunr bench child failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
