// The benchmark table and the PASS/MISS target list, as markdown.

export interface EngineResult {
  files: number;
  importPerSec: number;
  buildMs: number;
  addMs: number | null;
  retagMs: number | null;
  removeMs: number | null;
  indexBytes: number;
  libraryBytes: number;
  peakRssMb: number;
  cold?: {
    coldListMs: number;
    firstSearchMs: number;
    p50: number;
    p95: number;
    errors: number;
    peakRssMb: number;
    /** The costly queries of `adversarialQueries` (absent from older results). */
    adversarial?: {
      maxMs: number;
      slowest: string;
      answered: number;
      refused: number;
      failed: number;
    };
  };
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
    if (e.cold.errors > 0)
      t.push({
        label: 'every benchmark query accepted',
        pass: false,
        value: `${e.cold.errors} rejected`,
      });
  } else {
    t.push({ label: 'cold start measured', pass: false, value: 'cold run failed' });
  }
  t.push({ label: 'peak RSS ≤ 1.5 GB', pass: peak(e) <= 1536, value: `${fmt(peak(e))} MB` });
  return t;
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
