// CPU milliseconds per saved web page: article extraction (decode, linkedom, Readability, text
// blocks) and the whole import preparation (plus cleaning, date and language), over the
// fixture pages and generated news pages of realistic size (navigation, sidebar, comments,
// inline scripts of up to ~200 KB). With --jsdom, Readability on jsdom is timed beside
// linkedom on the same pages (the comparison docs/web-pages.md reports).
// Usage: npx tsx tests/scripts/html-extraction-measure.ts [--pages N] [--jsdom]
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readWebPage } from '../../main/core/html/read-web-page';
import { prepareArticle } from '../../main/core/import/prepare-article';

// jsdom is a test dependency without bundled types; only these two members are used.
interface JsdomModule {
  JSDOM: new (html: string, options: object) => { window: { document: unknown } };
  VirtualConsole: new () => object;
}
const { JSDOM, VirtualConsole } = createRequire(__filename)('jsdom') as JsdomModule;

const fixtureDir = resolve(__dirname, '..', 'fixtures', 'html');
const argv = process.argv.slice(2);
const pagesArg = argv.indexOf('--pages');
const count = pagesArg >= 0 ? Number(argv[pagesArg + 1]) : 100;
const withJsdom = argv.includes('--jsdom');

const WORDS =
  'council harbour river market school budget minister village election road bridge storm ' +
  'museum library farmers hospital railway workers festival court police weather trade port ' +
  'the of and to in a that was for on with as by at from said would will after year week'.split(
    ' ',
  );

/** A deterministic pseudo-random sequence (xorshift), so every run times the same pages. */
function rng(seed: number): () => number {
  let x = seed * 2654435761 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function sentence(r: () => number, words: number): string {
  const w = Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

/** A generated news page: article of 4-24 paragraphs in the usual site furniture. */
function generatedPage(i: number): string {
  const r = rng(i + 1);
  const link = (n: number) => `<li><a href="/s/${i}/${n}">${sentence(r, 6)}</a></li>`;
  const paragraphs = Array.from(
    { length: 4 + (i % 21) },
    () =>
      `<p>${Array.from({ length: 3 }, () => sentence(r, 12 + Math.floor(r() * 14))).join(' ')}</p>`,
  );
  const comments = Array.from(
    { length: i % 15 },
    (_, n) =>
      `<div class="comment"><p class="author">reader${n}</p><p>${sentence(r, 15)}</p></div>`,
  );
  // A third of the pages carry a large inline script, as pages saved with their bundles do.
  const script =
    i % 3 === 0 ? `<script>var d=${JSON.stringify('x'.repeat(200_000))};</script>` : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${sentence(r, 8)} | Generated Gazette</title>
<meta property="og:site_name" content="Generated Gazette">
<meta property="article:published_time" content="2024-0${1 + (i % 9)}-1${i % 10}T08:00:00Z">
<link rel="stylesheet" href="/site.css">${script}</head><body>
<header><nav><ul>${Array.from({ length: 30 }, (_, n) => link(n)).join('')}</ul></nav></header>
<div class="ad ad-top">Advertisement</div>
<main><article><h1>${sentence(r, 8)}</h1><p class="byline">By Staff Writer</p>
${paragraphs.join('\n')}</article>
<aside class="sidebar"><h3>Most read</h3><ol>${Array.from({ length: 10 }, (_, n) => link(100 + n)).join('')}</ol></aside></main>
<section class="comments">${comments.join('')}</section>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`;
}

function pages(): { name: string; bytes: Uint8Array }[] {
  const fixtures = readdirSync(fixtureDir)
    .filter((n) => n.endsWith('.html'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(fixtureDir, name))) }));
  const out = [...fixtures];
  for (let i = 0; out.length < count; i++) {
    out.push({ name: `generated-${i}.html`, bytes: new TextEncoder().encode(generatedPage(i)) });
  }
  return out.slice(0, count);
}

function time(
  label: string,
  list: { name: string; bytes: Uint8Array }[],
  run: (p: { name: string; bytes: Uint8Array }) => void,
): void {
  // One untimed pass: the first calls load the libraries and warm the JIT up (the first
  // page's cost is printed apart); an import of many pages runs warm.
  for (const p of list) {
    try {
      run(p);
    } catch {
      // Timed below.
    }
  }
  // CPU time of this process: on a shared machine wall time mostly measures the neighbours.
  const ms: number[] = [];
  for (const p of list) {
    const t0 = process.cpuUsage();
    try {
      run(p);
    } catch {
      // Pages without an article are timed too: they cost the same extraction.
    }
    const used = process.cpuUsage(t0);
    ms.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  console.log(
    `${label.padEnd(36)} ${String(list.length).padStart(4)} pages  CPU ms mean ${mean.toFixed(1)}  ` +
      `p50 ${at(0.5).toFixed(1)}  p95 ${at(0.95).toFixed(1)}  max ${at(1).toFixed(1)}`,
  );
}

const list = pages();
const kb = list.reduce((a, p) => a + p.bytes.length, 0) / list.length / 1024;
console.log(`${list.length} pages, mean ${kb.toFixed(0)} KB`);
const t0 = performance.now();
readWebPage(list[0]!.bytes, 'html');
console.log(
  `first page (loading linkedom and Readability): ${(performance.now() - t0).toFixed(0)} ms`,
);
time('extraction (readWebPage)', list, (p) => readWebPage(p.bytes, 'html'));
time('import preparation (prepareArticle)', list, (p) =>
  prepareArticle(p.bytes, { name: p.name, path: null }, ''),
);
// The same articles as text files, for scale: what a page costs beyond its text.
const asText = list.flatMap((p) => {
  try {
    const text = readWebPage(p.bytes, 'html').decoded.text;
    return [{ name: p.name.replace(/\.html$/, '.txt'), bytes: new TextEncoder().encode(text) }];
  } catch {
    return [];
  }
});
time('the same articles as .txt files', asText, (p) =>
  prepareArticle(p.bytes, { name: p.name, path: null }, ''),
);
if (withJsdom) {
  const text = list.map((p) => ({ ...p, html: Buffer.from(p.bytes).toString('utf8') }));
  const byName = new Map(text.map((p) => [p.name, p.html]));
  time('Readability on linkedom', list, (p) => {
    new Readability(parseHTML(byName.get(p.name)!).document as never).parse();
  });
  time('Readability on jsdom', list, (p) => {
    const dom = new JSDOM(byName.get(p.name)!, { virtualConsole: new VirtualConsole() });
    new Readability(dom.window.document as never).parse();
  });
  // Compatibility: the same article (title, byline, text) from both DOMs.
  const flat = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  let same = 0;
  for (const p of text) {
    const a = new Readability(parseHTML(p.html).document as never).parse();
    const dom = new JSDOM(p.html, { virtualConsole: new VirtualConsole() });
    const b = new Readability(dom.window.document as never).parse();
    const key = (r: typeof a) =>
      r ? [r.title, r.byline, r.siteName, r.publishedTime, flat(r.textContent)].join('\u0000') : '';
    if (key(a) === key(b)) same++;
  }
  console.log(
    `same title, byline, site, date and text on both DOMs: ${same} of ${text.length} pages`,
  );
}
