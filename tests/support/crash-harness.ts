// Runs crash-child.ts against a library and SIGKILLs it at random moments, collecting what
// the child reported as durable; then checks the library kept all of it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const childScript = resolve(__dirname, 'crash-child.ts');

export interface CrashReport {
  /** Article ids the child said were imported. */
  imported: Set<string>;
  /** Tags the child said were saved, per article id. */
  tags: Map<string, Set<string>>;
  kills: number;
  runs: number;
  /** Child runs that ended by themselves with an error (for example, open failed). */
  failures: string[];
}

/** Writes `count` distinct small articles into `dir`; returns path → expected text. */
export function makeArticleFiles(dir: string, count: number, seed = 1): Map<string, string> {
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const text = `Crash article ${seed}-${i}\n\nBERLIN - Paragraph one of ${i} has some words in it.\n\nParagraph two, number ${i * 7919}.\n`;
    const path = join(dir, `a${String(i).padStart(5, '0')}.txt`);
    writeFileSync(path, text);
    files.set(path, text);
  }
  return files;
}

/** The article id of some text (as the importer computes it). */
export const idOfText = (text: string): string =>
  createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex').slice(0, 16);

/** A small seeded random generator, so failures can be replayed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** Spawns the child once and kills it after `delayMs` (measured from READY when `afterReady`). */
function runOnce(
  libDir: string,
  files: string[],
  delayMs: number,
  afterReady: boolean,
  report: CrashReport,
) {
  return new Promise<void>((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, libDir, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    if (!afterReady) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id, tag] = line.split(' ');
        if (kind === 'READY' && afterReady) timer = setTimeout(kill, delayMs);
        else if (kind === 'IMPORTED' && id) report.imported.add(id);
        else if (kind === 'TAG' && id && tag) {
          if (!report.tags.has(id)) report.tags.set(id, new Set());
          report.tags.get(id)!.add(tag);
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      report.runs++;
      if (signal === 'SIGKILL') report.kills++;
      else if (code !== 0) report.failures.push(`exit ${code}: ${stderr.trim().slice(0, 500)}`);
      done();
    });
  });
}

/**
 * Kills children `kills` times against one library: a third of the kills land during
 * start-up and open (recovery), the rest during import and tagging.
 */
export async function crashCampaign(
  libDir: string,
  files: string[],
  kills: number,
  seed: number,
): Promise<CrashReport> {
  const random = rng(seed);
  const report: CrashReport = {
    imported: new Set(),
    tags: new Map(),
    kills: 0,
    runs: 0,
    failures: [],
  };
  while (report.kills < kills && report.failures.length === 0) {
    const early = random() < 0.33;
    const delay = early ? 100 + random() * 1100 : random() * 700;
    await runOnce(libDir, files, delay, !early, report);
  }
  return report;
}

/** Reads a file as the importer would see it. */
export const readText = (path: string): string => readFileSync(path, 'utf8');
