// The benchmark table and the PASS/MISS target list, as markdown.

export interface EngineResult {
  files: number;
  importPerSec: number;
  buildMs: number;
  /** From the import's start until every article's entities are known (absent: older runs). */
  discoveredMs?: number | null;
  addMs: number | null;
  retagMs: number | null;
  removeMs: number | null;
  indexBytes: number;
  libraryBytes: number;
  peakRssMb: number;
  /** The build process's peak when the import was searchable (absent: older runs). */
  importPeakRssMb?: number;
  /** Its peak after the bulk tag that follows (absent: older runs). */
  taggedPeakRssMb?: number;
  cold?: EngineCold;
}

/** The engine's cold run: a fresh process opening the library, listing, searching. */
export interface EngineCold {
  /** Library.open alone (absent from older results). */
  openMs?: number;
  coldListMs: number;
  firstSearchMs: number;
  p50: number;
  p95: number;
  errors: number;
  peakRssMb: number;
  /** related() over articles spread through the list (absent from older results). */
  related?: { p50: number; p95: number };
  /** Entity facets over the whole library after an open: the first full count, then again. */
  facets?: { firstMs: number; againMs: number } | null;
  /** The costly queries of `adversarialQueries` (absent from older results). */
  adversarial?: {
    maxMs: number;
    slowest: string;
    answered: number;
    refused: number;
    failed: number;
  };
}

/** Sizes of the caches highlights add to, before adding and after. */
interface CacheBytes {
  snapshotBytes: number;
  journalBytes: number;
  indexBytes: number;
}

/** --highlights: what adding them to a copy cost, and the cold runs of original and copy. */
export interface HighlightResult {
  highlights: number;
  notes: number;
  articles: number;
  skipped: number;
  /** The addHighlight calls alone; totalMs adds reading each article to pick its passage. */
  addMs: number;
  totalMs?: number;
  msPerHighlight: number;
  /** From the last add until `has:highlights` found every marked article; null: timed out. */
  indexedMs: number | null;
  before: CacheBytes;
  after: CacheBytes;
  /** Of the process that added them (worker threads included). */
  peakRssMb: number;
  /** Cold runs of the library as built and of the copy with highlights, in turn. */
  without: EngineCold[];
  with: EngineCold[];
}

export interface LunrResult {
  files: number;
  importPerSec: number;
  buildMs: number;
  indexBytes: number;
  peakRssMb: number;
  cold?: {
    coldListMs: number;
    firstSearchMs: number;
    p50: number;
    p95: number;
    errors: number;
    peakRssMb: number;
  };
}

export interface SizeResult {
  label: string;
  size: number;
  engine: EngineResult | { error: string };
  lunr: LunrResult | { error: string };
  /** Only with --discovery: the same import without version signatures and entities. */
  plainBuild?: EngineResult | { error: string };
  /** Only with --highlights. */
  highlights?: HighlightResult | { error: string };
  /** Only with --reindex. */
  reindex?: ReindexResult | { error: string };
}

/** --reindex: a reindex of the built library in a fresh process. */
export interface ReindexResult {
  articles: number;
  reindexMs: number;
  /** Until the index was rebuilt (version groups and entities come after). */
  indexMs: number | null;
  cpuMsPerArticle: number;
  peakRssMb: number;
}

/** Reindex figures, and the < 60 s target at 100,000 articles and more. */
function reindexTargets(r: SizeResult): Target[] {
  if (!r.reindex) return [];
  if (failed(r.reindex)) return [{ label: 'reindex ran', pass: false, value: r.reindex.error }];
  const x = r.reindex;
  const value =
    `${(x.reindexMs / 1000).toFixed(1)} s (index ${x.indexMs == null ? '-' : (x.indexMs / 1000).toFixed(1)} s), ` +
    `${x.cpuMsPerArticle.toFixed(2)} ms CPU per article, peak RSS ${fmt(x.peakRssMb)} MB`;
  if (r.size < 100_000)
    return [{ label: 'reindex (target only at 100,000 and more)', pass: true, value }];
  return [{ label: 'reindex of 100k < 60 s', pass: x.reindexMs < 60_000, value }];
}

const mb = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1048576).toFixed(1) : '-');
const ms = (v: number | null | undefined): string =>
  v == null ? '-' : v < 10 ? v.toFixed(2) : v.toFixed(0);
const fmt = (v: number): string => Math.round(v).toLocaleString('en-US');
const ratio = (a: number, b: number): string =>
  b > 0 && Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '-';
const failed = (r: object): r is { error: string } => 'error' in r;
const peak = (r: EngineResult | LunrResult): number =>
  Math.max(r.peakRssMb, r.cold?.peakRssMb ?? 0);

/** One markdown table: a row per system per size, with the engine's ratios to Lunr. */
export function renderTable(results: SizeResult[]): string {
  const head =
    '| size | system | import/s | build s | cold open (list) ms | first search ms | p50 ms | p95 ms | peak RSS MB | index MB | ratio vs lunr |';
  const rule = '|' + ' --- |'.repeat(11);
  const rows: string[] = [];
  for (const r of results) {
    for (const [name, sys] of [
      ['archive-reader', r.engine],
      ['plain lunr', r.lunr],
    ] as const) {
      if (failed(sys)) {
        rows.push(
          `| ${r.label} | ${name} | failed: ${sys.error.replace(/\|/g, '/')} |` + ' - |'.repeat(8),
        );
        continue;
      }
      const other = name === 'archive-reader' && !failed(r.lunr) ? r.lunr : null;
      const ratios = other
        ? [
            `import ${ratio(sys.importPerSec, other.importPerSec)}`,
            `p95 ${ratio(sys.cold?.p95 ?? NaN, other.cold?.p95 ?? NaN)}`,
            `RSS ${ratio(peak(sys), peak(other))}`,
            `index ${ratio(sys.indexBytes, other.indexBytes)}`,
          ].join(', ')
        : name === 'plain lunr'
          ? '1×'
          : '-';
      rows.push(
        `| ${r.label} | ${name} | ${fmt(sys.importPerSec)} | ${(sys.buildMs / 1000).toFixed(1)} | ` +
          `${ms(sys.cold?.coldListMs)} | ${ms(sys.cold?.firstSearchMs)} | ${ms(sys.cold?.p50)} | ` +
          `${ms(sys.cold?.p95)} | ${fmt(peak(sys))} | ${mb(sys.indexBytes)} | ${ratios} |`,
      );
    }
  }
  return [head, rule, ...rows].join('\n');
}

interface Target {
  label: string;
  pass: boolean | null;
  value: string;
}

/** PASS/MISS for every target that applies to a size. */
export function checkTargets(r: SizeResult): Target[] {
  if (failed(r.engine)) return [{ label: 'engine ran', pass: false, value: r.engine.error }];
  const e = r.engine;
  const l = failed(r.lunr) ? null : r.lunr;
  const within = (v: number | null, limit: number) => (v == null ? false : v <= limit);
  const t: Target[] = [];
  if (r.size >= 10_000) {
    t.push({
      label: 'import+index ≥ 1,500 articles/s',
      pass: e.importPerSec >= 1500,
      value: `${fmt(e.importPerSec)}/s`,
    });
  }
  if (l) {
    const x = e.importPerSec / l.importPerSec;
    t.push({ label: 'import+index ≥ 4× plain lunr', pass: x >= 4, value: `${x.toFixed(2)}×` });
  }
  if (r.size >= 100_000) {
    t.push({
      label: 'import+index of 100k < 2 min',
      pass: e.buildMs < 120_000,
      value: `${(e.buildMs / 1000).toFixed(1)} s`,
    });
  }
  t.push({
    label: 'one added article searchable ≤ 1 s',
    pass: within(e.addMs, 1000),
    value: `${ms(e.addMs)} ms`,
  });
  t.push({
    label: 'one retag reflected ≤ 1 s',
    pass: within(e.retagMs, 1000),
    value: `${ms(e.retagMs)} ms`,
  });
  t.push({
    label: 'one removal reflected ≤ 1 s',
    pass: within(e.removeMs, 1000),
    value: `${ms(e.removeMs)} ms`,
  });
  if (e.cold) {
    t.push({
      label: 'cold start: list ≤ 1 s',
      pass: e.cold.coldListMs <= 1000,
      value: `${ms(e.cold.coldListMs)} ms`,
    });
    t.push({
      label: 'cold start: search ≤ 3 s',
      pass: e.cold.firstSearchMs <= 3000,
      value: `${ms(e.cold.firstSearchMs)} ms`,
    });
    t.push({ label: 'query p95 ≤ 50 ms', pass: e.cold.p95 <= 50, value: `${ms(e.cold.p95)} ms` });
    const a = e.cold.adversarial;
    if (a) {
      t.push({
        label: 'every adversarial query answers or is refused ≤ 1 s',
        pass: a.maxMs <= 1000 && a.failed === 0,
        value:
          `max ${ms(a.maxMs)} ms (${a.slowest}); ${a.answered} answered, ${a.refused} refused` +
          (a.failed > 0 ? `, ${a.failed} failed` : ''),
      });
    }
    const rel = e.cold.related;
    if (rel) {
      t.push({
        label: 'related articles p95 ≤ 200 ms',
        pass: rel.p95 <= 200,
        value: `${ms(rel.p95)} ms (p50 ${ms(rel.p50)} ms)`,
      });
    }
    if (e.cold.errors > 0)
      t.push({
        label: 'every benchmark query accepted',
        pass: false,
        value: `${e.cold.errors} rejected`,
      });
  } else {
    t.push({ label: 'cold start measured', pass: false, value: 'cold run failed' });
  }
  t.push({ label: 'peak RSS ≤ 1.5 GB', pass: peak(e) <= 1536, value: peakParts(e) });
  t.push(...reindexTargets(r));
  return t;
}

/** The peak, and which process and phase set it: the build (its import alone) or the cold run. */
function peakParts(e: EngineResult): string {
  const parts = [`build process ${fmt(e.peakRssMb)} MB`];
  if (e.importPeakRssMb !== undefined) parts.push(`its import ${fmt(e.importPeakRssMb)} MB`);
  if (e.taggedPeakRssMb !== undefined)
    parts.push(`after its bulk tag ${fmt(e.taggedPeakRssMb)} MB`);
  if (e.cold) parts.push(`cold process ${fmt(e.cold.peakRssMb)} MB`);
  return `${fmt(peak(e))} MB (${parts.join(', ')})`;
}

/** The target list for every size, as markdown bullets. */
export function renderTargets(results: SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`**${r.label}**`, '');
    for (const t of checkTargets(r))
      lines.push(`- ${t.pass ? 'PASS' : 'MISS'} ${t.label}: ${t.value}`);
    lines.push('');
  }
  return lines.join('\n');
}

// Finer than `ratio`: the target is about a few per cent.
const change = (a: number, b: number): string =>
  b > 0 && Number.isFinite(a / b)
    ? `${(a / b).toFixed(3)}× (${a >= b ? '+' : ''}${((a / b - 1) * 100).toFixed(1)}%)`
    : '-';

/** The share by which `after` may exceed `before` for the highlight target. */
const HIGHLIGHT_COST = 0.05;

/** The highlight figures as markdown: a table per corpus and the target where it applies. */
export function renderHighlights(results: SizeResult[]): string {
  const parts: string[] = [];
  for (const r of results) {
    const h = r.highlights;
    if (!h) continue;
    if (failed(h)) {
      parts.push(`**${r.label}**: highlights failed: ${h.error}`, '');
      continue;
    }
    parts.push(
      `**${r.label}**: Highlights: ${fmt(h.highlights)} across ${fmt(h.articles)} articles ` +
        `(${fmt(h.notes)} with a note${h.skipped > 0 ? `, ${h.skipped} articles too short` : ''})`,
      '',
      highlightTable(h.without, h.with),
      '',
      `- adding: ${ms(h.msPerHighlight)} ms per highlight ` +
        `(${fmt(h.highlights / (h.addMs / 1000))}/s, ${(h.addMs / 1000).toFixed(1)} s in all); ` +
        `index caught up ${h.indexedMs == null ? 'not within the timeout' : `${ms(h.indexedMs)} ms`} ` +
        `after the last; peak RSS of that process ${fmt(h.peakRssMb)} MB`,
      `- catalogue snapshot ${mb(h.before.snapshotBytes)} → ${mb(h.after.snapshotBytes)} MB, ` +
        `journal ${mb(h.before.journalBytes)} → ${mb(h.after.journalBytes)} MB, ` +
        `index ${mb(h.before.indexBytes)} → ${mb(h.after.indexBytes)} MB`,
    );
    const t = highlightTarget(r.size, h);
    if (t) parts.push(`- ${t.pass ? 'PASS' : 'MISS'} ${t.label}: ${t.value}`);
    parts.push('');
  }
  return parts.join('\n');
}

/** The middle value (the mean of the middle two for an even count); NaN when none. */
function median(values: readonly number[]): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

type Figure = (c: EngineCold) => number | undefined;

/** One figure over a side's cold runs. */
const values = (runs: readonly EngineCold[], get: Figure): number[] =>
  runs.map((c) => get(c) ?? NaN);

/** "median (min–max)": the spread shows how far a single run could be trusted. */
function spread(runs: readonly EngineCold[], get: Figure): string {
  const v = values(runs, get).filter(Number.isFinite);
  if (v.length === 0) return '-';
  return `${ms(median(v))} (${ms(Math.min(...v))}–${ms(Math.max(...v))})`;
}

const medianRatio = (withHl: readonly EngineCold[], without: readonly EngineCold[], get: Figure) =>
  change(median(values(withHl, get)), median(values(without, get)));

/**
 * The median of the rounds' own ratios: the two runs of a round follow each other under the
 * same load, so their ratio moves far less than either figure does from round to round.
 */
function pairRatio(withHl: readonly EngineCold[], without: readonly EngineCold[], get: Figure) {
  const a = values(withHl, get);
  const b = values(without, get);
  return median(a.map((x, i) => x / b[i]!));
}

const pairChange = (r: number): string =>
  Number.isFinite(r)
    ? `${r.toFixed(3)}× (${r >= 1 ? '+' : ''}${((r - 1) * 100).toFixed(1)}%)`
    : '-';

/** Without / with / ratio-of-medians rows for the cold-run figures highlights could slow. */
function highlightTable(without: readonly EngineCold[], withHl: readonly EngineCold[]): string {
  const figures: [string, Figure][] = [
    ['cold open ms', (c) => c.openMs],
    ['cold open (list) ms', (c) => c.coldListMs],
    ['first search ms', (c) => c.firstSearchMs],
    ['query p50 ms', (c) => c.p50],
    ['query p95 ms', (c) => c.p95],
  ];
  const rows = figures.map(
    ([name, get]) =>
      `| ${name} | ${spread(without, get)} | ${spread(withHl, get)} | ` +
      `${medianRatio(withHl, without, get)} | ${pairChange(pairRatio(withHl, without, get))} |`,
  );
  return [
    `| figure (median of ${without.length} / ${withHl.length} cold runs, min–max) | without | with highlights | ratio of medians | median of the rounds' ratios |`,
    '|' + ' --- |'.repeat(5),
    ...rows,
  ].join('\n');
}

/**
 * The issue's figure: 10,000 highlights across 100,000 articles cost ≤ 5% on query p95 and
 * cold open (both Library.open alone and open + first list), judged on the median of the
 * rounds' ratios (see pairRatio; the ratio of the medians is shown beside it). Only at that
 * scale or above.
 */
function highlightTarget(size: number, h: HighlightResult): Target | null {
  if (h.highlights < 10_000 || size < 100_000) return null;
  const pairs: [string, Figure][] = [
    ['p95', (c) => c.p95],
    ['open', (c) => c.openMs],
    ['open (list)', (c) => c.coldListMs],
  ];
  const ratioOf = (get: Figure) => pairRatio(h.with, h.without, get);
  return {
    label: "10,000 highlights cost ≤ 5% on query p95 and cold open (median of the rounds' ratios)",
    pass: pairs.every(([, get]) => ratioOf(get) <= 1 + HIGHLIGHT_COST),
    value: pairs.map(([name, get]) => `${name} ${pairChange(ratioOf(get))}`).join(', '),
  };
}

/** Related-article latency, facet counts after an open, and (with --discovery) the import's cost. */
export function renderDiscovery(results: SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (failed(r.engine)) continue;
    const e = r.engine;
    const parts: string[] = [];
    const rel = e.cold?.related;
    if (rel) parts.push(`related p50 ${ms(rel.p50)} ms, p95 ${ms(rel.p95)} ms`);
    const f = e.cold?.facets;
    if (f) parts.push(`facets after open ${ms(f.firstMs)} ms (again ${ms(f.againMs)} ms)`);
    if (e.discoveredMs != null)
      parts.push(`entities of all known ${ms(e.discoveredMs)} ms after import start`);
    const plain = r.plainBuild;
    if (plain && !failed(plain)) {
      parts.push(
        `import+index ${(e.buildMs / 1000).toFixed(1)} s with, ${(plain.buildMs / 1000).toFixed(1)} s ` +
          `without versions and entities (${ratio(e.buildMs, plain.buildMs)})`,
      );
    } else if (plain) parts.push(`import without them failed: ${plain.error}`);
    lines.push(`- **${r.label}**: ${parts.join('; ') || 'not measured'}`);
  }
  return lines.join('\n');
}
