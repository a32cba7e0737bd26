// The UI scale figures as one markdown table, printed and saved to
// tests/e2e/.artifacts/ui-scale.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { artifactsDir } from './e2e-browser';

/** Nearest-rank percentile (p in 0..100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export interface Figure {
  figure: string;
  value: string;
  note?: string;
}

/** Formats ms, MB and counts the same way everywhere in the table. */
export const fmt = {
  ms: (v: number) => `${Math.round(v).toLocaleString('en-US')} ms`,
  mb: (v: number) => `${v.toFixed(1)} MB`,
  n: (v: number) => Math.round(v).toLocaleString('en-US'),
};

/** Renders the figures, prints them to stdout and writes the artifact; returns the text. */
export function reportFigures(title: string, figures: readonly Figure[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const text = [
    `# ${title}`,
    '',
    `${new Date().toISOString()}; Node ${process.version}, ${cpus().length} × ` +
      `${cpus()[0]?.model ?? 'cpu'}; see docs/benchmarks.md ("UI at scale").`,
    '',
    '| figure | value | note |',
    '| --- | --- | --- |',
    ...figures.map((f) => `| ${cell(f.figure)} | ${cell(f.value)} | ${cell(f.note ?? '')} |`),
    '',
  ].join('\n');
  process.stdout.write(`\n${text}\n`);
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, 'ui-scale.md'), text);
  return text;
}
