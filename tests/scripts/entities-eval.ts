// Named-entity quality and cost of compromise and wink-nlp (with wink-eng-lite-web-model), and
// of the app's own extractor, on the hand-checked entities in entities-gold.tsv (BBC articles;
// the gold file holds names only, never article text). Precision and recall per type and
// overall, and CPU ms per article over `timed` BBC articles. Figures go in docs/entities.md.
// The libraries the app does not ship are loaded only here:
//   npm install --no-save wink-nlp wink-eng-lite-web-model
//   npx tsx tests/scripts/entities-eval.ts [timed=300]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractEntities } from '../../main/core/entities/extract-entities';
import { gazetteerPlace } from '../../main/core/entities/gazetteer';
import { cleanArticle } from '../../main/core/text/parse-article';
import { bbcDir, hasShared, repoRoot, sharedSkipReason } from '../support/shared-data';

type EntityType = 'person' | 'organisation' | 'place';
const TYPES: EntityType[] = ['person', 'organisation', 'place'];
interface Found {
  type: EntityType;
  name: string;
}
type Extractor = (text: string) => Found[];

const requireHere = createRequire(join(process.env.NLP_EVAL_MODULES ?? repoRoot, 'x.js'));

function loadCompromise(): Extractor {
  const nlp = requireHere('compromise') as (text: string) => {
    people(): { out(kind: 'array'): string[] };
    organizations(): { out(kind: 'array'): string[] };
    places(): { out(kind: 'array'): string[] };
  };
  return (text) => {
    const doc = nlp(text);
    return [
      ...doc
        .people()
        .out('array')
        .map((name) => ({ type: 'person' as const, name })),
      ...doc
        .organizations()
        .out('array')
        .map((name) => ({ type: 'organisation' as const, name })),
      ...doc
        .places()
        .out('array')
        .map((name) => ({ type: 'place' as const, name })),
    ];
  };
}

interface WinkDoc {
  entities(): { out(what: unknown): { value: string; type: string }[] };
  tokens(): { out(what: unknown): string[] };
}

/** wink's typed entities (its lite model has no person/organisation/place types), and its proper-noun runs. */
function loadWink(): { typed: Extractor; spans: (text: string) => string[] } | null {
  let winkNLP: (model: unknown) => { readDoc(t: string): WinkDoc; its: Record<string, unknown> };
  let model: unknown;
  try {
    winkNLP = requireHere('wink-nlp') as typeof winkNLP;
    model = requireHere('wink-eng-lite-web-model');
  } catch {
    return null;
  }
  const nlp = winkNLP(model);
  const its = nlp.its;
  const typeOf: Record<string, EntityType> = {
    PERSON: 'person',
    ORG: 'organisation',
    GPE: 'place',
    LOC: 'place',
  };
  return {
    typed: (text) =>
      nlp
        .readDoc(text)
        .entities()
        .out(its.detail)
        .filter((e) => typeOf[e.type] !== undefined)
        .map((e) => ({ type: typeOf[e.type]!, name: e.value })),
    spans: (text) => {
      const doc = nlp.readDoc(text);
      const words = doc.tokens().out(its.value);
      const tags = doc.tokens().out(its.pos);
      const out: string[] = [];
      let run: string[] = [];
      words.forEach((w, i) => {
        if (tags[i] === 'PROPN') run.push(w);
        else if (run.length > 0) {
          out.push(run.join(' '));
          run = [];
        }
      });
      if (run.length) out.push(run.join(' '));
      return out;
    },
  };
}

const TITLES = /^(?:mr|mrs|ms|miss|dr|sir|the)\.?\s+/iu;
/** Lower-cased words of a name without titles, possessives or punctuation. */
function words(name: string): string[] {
  let s = name.trim().replace(/[.,;:!?"“”()]+$/u, '');
  s = s.replace(/['’]s$/u, '').replace(/['’]$/u, '');
  while (TITLES.test(s)) s = s.replace(TITLES, '');
  // One name per place whatever the spelling ("US", "U.S.", "United States"), for every system.
  s = gazetteerPlace(s) ?? s;
  return s
    .toLowerCase()
    .split(/[\s]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w !== '');
}

const within = (short: string[], long: string[]): boolean => {
  if (short.length === 0 || short.length > long.length) return false;
  for (let i = 0; i + short.length <= long.length; i++) {
    if (short.every((w, k) => long[i + k] === w)) return true;
  }
  return false;
};

/** Same name, or one is a contiguous part of the other ("Hewitt" in "Patricia Hewitt"). */
const matches = (a: string[], b: string[], loose: boolean): boolean =>
  a.join(' ') === b.join(' ') || (loose && (within(a, b) || within(b, a)));

interface Tally {
  tp: number;
  fp: number;
  gold: number;
  found: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, gold: 0, found: 0 });

function score(gold: Found[], found: Found[], loose: boolean, into: Map<string, Tally>): void {
  const predicted = new Map<string, Found & { words: string[] }>();
  for (const f of found) {
    const w = words(f.name);
    if (w.length === 0) continue;
    predicted.set(`${f.type}\t${w.join(' ')}`, { ...f, words: w });
  }
  for (const type of [...TYPES, 'all']) {
    const t = into.get(type) ?? tally();
    into.set(type, t);
    const g = gold.filter((x) => type === 'all' || x.type === type);
    const p = [...predicted.values()].filter((x) => type === 'all' || x.type === type);
    t.gold += g.length;
    t.found += p.length;
    t.tp += g.filter((x) =>
      p.some((y) => y.type === x.type && matches(words(x.name), y.words, loose)),
    ).length;
    t.fp += p.filter(
      (y) => !g.some((x) => x.type === y.type && matches(words(x.name), y.words, loose)),
    ).length;
  }
}

/** Untyped recall of proper-noun runs: a gold name found as some run. */
function spanRecall(gold: Found[], spans: string[]): number {
  const s = spans.map(words);
  return gold.filter((g) => s.some((w) => matches(words(g.name), w, true))).length;
}

function readGold(name: string): Map<string, Found[]> {
  const byFile = new Map<string, Found[]>();
  const text = readFileSync(join(__dirname, name), 'utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [file, type, name] = line.split('\t');
    if (!file || !name || !TYPES.includes(type as EntityType)) throw new Error(`bad line: ${line}`);
    const list = byFile.get(file) ?? [];
    list.push({ type: type as EntityType, name });
    byFile.set(file, list);
  }
  return byFile;
}

/** The article as the app extracts from it: title and clean body. */
function articleText(file: string): string {
  const clean = cleanArticle(readFileSync(join(bbcDir, file), 'utf8'));
  return `${clean.title}\n\n${clean.body}`;
}

function cpuMsPerArticle(run: (text: string) => unknown, texts: string[]): number {
  // Warmed up on every text first: the figure is the steady cost of a long import.
  for (const t of texts) run(t);
  const start = process.cpuUsage();
  for (const t of texts) run(t);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / texts.length;
}

function pct(n: number, d: number): string {
  return d === 0 ? '–' : (n / d).toFixed(2);
}

function report(
  label: string,
  gold: Map<string, Found[]>,
  systems: [string, Extractor][],
  wink: { spans: (text: string) => string[] } | null,
): void {
  const goldCount = [...gold.values()].reduce((n, g) => n + g.length, 0);
  console.log(`\n${label}: ${gold.size} articles, ${goldCount} gold entities`);
  for (const loose of [true, false]) {
    console.log(loose ? 'Loose match (a name or a contiguous part of it):' : 'Exact match:');
    for (const [name, run] of systems) {
      const into = new Map<string, Tally>();
      for (const [file, g] of gold) score(g, run(articleText(file)), loose, into);
      const cells = [...TYPES, 'all'].map((type) => {
        const t = into.get(type)!;
        return `${type} P ${pct(t.found - t.fp, t.found)} R ${pct(t.tp, t.gold)}`;
      });
      console.log(`  ${name.padEnd(24)} ${cells.join(' | ')}`);
    }
  }
  if (wink) {
    let hit = 0;
    for (const [file, g] of gold) hit += spanRecall(g, wink.spans(articleText(file)));
    console.log(`\nwink-nlp proper-noun runs (untyped) recall: ${pct(hit, goldCount)}`);
  }
}

function main(): void {
  if (!hasShared) {
    console.log(`skipped: ${sharedSkipReason}`);
    return;
  }
  const timed = Number(process.argv[2] ?? 300);
  const gold = readGold('entities-gold.tsv');
  const t0 = performance.now();
  const compromise = loadCompromise();
  const compromiseLoadMs = performance.now() - t0;
  const t1 = performance.now();
  const wink = loadWink();
  const winkLoadMs = performance.now() - t1;
  const ours: Extractor = (text) => {
    const e = extractEntities(text, 'en', null);
    return [
      ...e.people.map((name) => ({ type: 'person' as const, name })),
      ...e.organisations.map((name) => ({ type: 'organisation' as const, name })),
      ...e.places.map((name) => ({ type: 'place' as const, name })),
    ];
  };
  const systems: [string, Extractor][] = [
    ['compromise', compromise],
    ['app extractor', ours],
  ];
  if (wink) systems.push(['wink-nlp (lite model)', wink.typed]);
  for (const [label, set] of [
    ['entities-gold.tsv (the rules were written looking at these)', gold],
    ['entities-gold-heldout.tsv (held out)', readGold('entities-gold-heldout.tsv')],
  ] as const) {
    report(label, set, systems, wink);
  }
  const files: string[] = [];
  for (const cat of readdirSync(bbcDir, { withFileTypes: true })) {
    if (!cat.isDirectory()) continue;
    for (const f of readdirSync(join(bbcDir, cat.name)).sort()) files.push(`${cat.name}/${f}`);
  }
  const step = Math.max(1, Math.floor(files.length / timed));
  const texts = files
    .filter((_, i) => i % step === 0)
    .slice(0, timed)
    .map(articleText);
  console.log(`\nCPU per article over ${texts.length} BBC articles (one thread):`);
  console.log(
    `  compromise            ${cpuMsPerArticle(compromise, texts).toFixed(2)} ms (load ${compromiseLoadMs.toFixed(0)} ms)`,
  );
  console.log(`  app extractor         ${cpuMsPerArticle(ours, texts).toFixed(2)} ms`);
  if (wink) {
    console.log(
      `  wink-nlp readDoc      ${cpuMsPerArticle((t) => wink.spans(t), texts).toFixed(2)} ms (load ${winkLoadMs.toFixed(0)} ms)`,
    );
  }
}

main();
