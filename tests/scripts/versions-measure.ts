// Measures the near-duplicate signature (docs/versions.md): recall on versions built from the
// corpora, and the groups formed over a whole corpus. Run: npx tsx tests/scripts/versions-measure.ts
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanArticle } from '../../main/core/text/parse-article';
import {
  nearSignature,
  signatureContainment,
  signatureSimilarity,
  type SignatureParams,
} from '../../main/core/text/near-signature';
import { VersionGroups, type GroupParams } from '../../main/core/library/version-groups';
import { bbcDir, reutersJsonl } from '../support/shared-data';

interface Doc {
  title: string;
  text: string;
}

function bbc(): Doc[] {
  const docs: Doc[] = [];
  for (const cat of readdirSync(bbcDir, { withFileTypes: true })) {
    if (!cat.isDirectory()) continue;
    for (const f of readdirSync(join(bbcDir, cat.name)).sort()) {
      const text = readFileSync(join(bbcDir, cat.name, f), 'latin1');
      docs.push({ title: `${cat.name}/${f} ${text.split('\n')[0]}`, text });
    }
  }
  return docs;
}

function reuters(): Doc[] {
  const lines = gunzipSync(readFileSync(reutersJsonl)).toString('utf8').split('\n');
  const docs: Doc[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title?: string; body?: string; dateline?: string };
    if (!r.body || r.body.split(/\s+/).length < 40) continue;
    docs.push({ title: r.title ?? '', text: `${r.title ?? 'Untitled'}\n\n${r.body}` });
  }
  return docs;
}

// A seeded generator, so that the figures are the same on every run.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Variant = (text: string, rand: () => number, vocab: string[]) => string;

const paragraphs = (text: string) => text.split(/\n\s*\n/);
const VARIANTS: Record<string, Variant> = {
  headline: (t) => {
    const [head, ...rest] = paragraphs(t);
    return [`UPDATE: ${head!.split(' ').reverse().join(' ')}`, ...rest].join('\n\n');
  },
  firstParaCut: (t) => {
    const p = paragraphs(t);
    return p.length > 2 ? [p[0], ...p.slice(2)].join('\n\n') : t;
  },
  lastParaCut: (t) => {
    const p = paragraphs(t);
    return p.length > 2 ? p.slice(0, -1).join('\n\n') : t;
  },
  dateline: (t) => {
    const [head, first, ...rest] = paragraphs(t);
    return [head, `LONDON, March 3 (Reuters) - ${first ?? ''}`, ...rest].join('\n\n');
  },
  words5pct: (t, rand, vocab) =>
    t.replace(/[\p{L}\p{N}]+/gu, (w) =>
      rand() < 0.05 ? vocab[Math.floor(rand() * vocab.length)]! : w,
    ),
};
VARIANTS.combined = (t, rand, vocab) =>
  VARIANTS.words5pct!(
    VARIANTS.dateline!(
      VARIANTS.lastParaCut!(VARIANTS.headline!(t, rand, vocab), rand, vocab),
      rand,
      vocab,
    ),
    rand,
    vocab,
  );

const body = (text: string) => cleanArticle(text).body;

function shareBand(a: Uint8Array, b: Uint8Array, rows: number): boolean {
  for (let s = 0; s + rows <= a.length - 2; s += rows) {
    let same = true;
    for (let i = s; i < s + rows && same; i++) same = a[i] === b[i];
    if (same) return true;
  }
  return false;
}

function measure(name: string, docs: Doc[], sp: SignatureParams, gp: GroupParams[]) {
  const rand = rng(42);
  const vocab = [...new Set(docs.slice(0, 300).flatMap((d) => d.text.match(/\p{L}+/gu) ?? []))];
  const sample = docs
    .filter((_, i) => i % Math.max(1, Math.floor(docs.length / 1000)) === 0)
    .filter((d) => nearSignature(body(d.text), sp) !== null);
  const originals = sample.map((d) => nearSignature(body(d.text), sp)!);
  const rows: string[] = [];
  for (const [vname, variant] of Object.entries(VARIANTS)) {
    const copies = sample.map(
      (d) => nearSignature(body(variant(d.text, rand, vocab)), sp) ?? new Uint8Array(sp.bins + 2),
    );
    const hits = gp.map(
      (p) =>
        originals.filter(
          (o, i) =>
            shareBand(o, copies[i]!, p.rows) &&
            signatureSimilarity(o, copies[i]!) >= p.jaccard &&
            signatureContainment(o, copies[i]!) >= p.containment,
        ).length,
    );
    rows.push(`${vname}: ${hits.map((h) => (h / sample.length).toFixed(3)).join(' ')}`);
  }
  console.log(
    `${name} w=${sp.shingleWords} bins=${sp.bins} n=${sample.length} recall per [${gp.map((p) => `r${p.rows}c${p.containment}j${p.jaccard}`).join(' ')}]`,
  );
  for (const r of rows) console.log(`  ${r}`);
}

function corpusGroups(name: string, docs: Doc[], sp: SignatureParams, gp: GroupParams) {
  const groups = new VersionGroups(gp);
  const t0 = performance.now();
  const sigs = docs.map((d) => nearSignature(body(d.text), sp));
  const t1 = performance.now();
  sigs.forEach((s, i) => s && groups.add(String(i), s));
  const t2 = performance.now();
  const all = groups.groups().sort((a, b) => b.length - a.length);
  console.log(
    `${name} groups w=${sp.shingleWords} r${gp.rows} c${gp.containment} j${gp.jaccard}: ${all.length} groups, ${all.reduce((n, g) => n + g.length, 0)} articles; largest ${all
      .slice(0, 5)
      .map((g) => g.length)
      .join(
        ',',
      )}; signatures ${(((t1 - t0) / docs.length) * 1000).toFixed(1)} us/article, grouping ${(t2 - t1).toFixed(0)} ms`,
  );
  if (process.env.SHOW) {
    for (const g of all.slice(0, Number(process.env.SHOW))) {
      console.log('  --');
      for (const id of g) console.log(`  ${docs[Number(id)]!.title.slice(0, 100)}`);
    }
  }
}

const which = process.argv[2] ?? 'recall';
const corpora: [string, Doc[]][] = [
  ['bbc', bbc()],
  ['reuters', reuters()],
];
const W = (process.env.W ?? '2,3,4').split(',').map(Number);
const GP: GroupParams[] = [
  { rows: 2, containment: 0.6, jaccard: 0.2 },
  { rows: 2, containment: 0.7, jaccard: 0.2 },
  { rows: 2, containment: 0.7, jaccard: 0.15 },
  { rows: 2, containment: 0.7, jaccard: 0.1 },
  { rows: 3, containment: 0.7, jaccard: 0.15 },
];
for (const [name, docs] of corpora) {
  for (const w of W) {
    const sp = { shingleWords: w, bins: 38 };
    if (which === 'recall') measure(name, docs, sp, GP);
    else
      corpusGroups(name, docs, sp, {
        rows: Number(process.env.R ?? 2),
        containment: Number(process.env.C ?? 0.7),
        jaccard: Number(process.env.J ?? 0.15),
      });
  }
}
