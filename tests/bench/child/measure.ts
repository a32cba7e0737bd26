// Helpers the measuring child processes share: timing, percentiles, RSS, results.
import { writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Milliseconds since an arbitrary origin, with sub-millisecond precision. */
export const now = (): number => performance.now();

/** The p-th percentile (0..100) of the values, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Total size of the files under a folder, in bytes. */
export async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let total = 0;
  for (const e of entries) {
    if (e.isFile()) total += (await stat(join(e.parentPath, e.name))).size;
  }
  return total;
}

/** Every .txt file under a folder, sorted, as absolute paths. */
export async function listTextFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Times each query (awaiting async ones) and returns p50/p95 in ms. */
export async function timeQueries(
  queries: readonly string[],
  run: (q: string) => unknown,
): Promise<{ p50: number; p95: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (const q of queries) {
    const t = now();
    try {
      await run(q);
    } catch {
      errors += 1;
    }
    times.push(now() - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), errors };
}

/** Writes the child's result where the parent asked for it. */
export function writeResult(path: string, result: object): void {
  writeFileSync(path, JSON.stringify({ ...result, peakRssMb: peakRssMb() }, null, 2));
}
