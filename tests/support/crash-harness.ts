// Runs crash-child.ts against a library and SIGKILLs it at random moments, collecting what
// the child reported as durable; then checks the library kept all of it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CrashPhase, type LaneTimings, KillSchedule, killDeck } from './crash-schedule';

const childScript = resolve(__dirname, 'crash-child.ts');

export interface CrashReport {
  /** Article ids the child said were imported. */
  imported: Set<string>;
  /** Tags the child said were saved, per article id. */
  tags: Map<string, Set<string>>;
  kills: number;
  runs: number;
  /** Kills by what the child was doing when it died (its last line). */
  killedIn: Record<CrashPhase, number>;
  /** Child runs that ended by themselves with an error (for example, open failed) or hung. */
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

/** A child that prints nothing for this long is stuck: that is a failure, not a kill point. */
const STALL_MS = 180_000;

/** The script a campaign runs (tests may swap in a stand-in with other timings). */
export interface CrashChild {
  script: string;
  args?: string[];
}

/** Spawns the child once and kills it at the moment `schedule` picks from its lines. */
function runOnce(
  libDir: string,
  files: string[],
  schedule: KillSchedule,
  child: CrashChild,
  report: CrashReport,
) {
  return new Promise<void>((done) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', child.script, ...(child.args ?? []), libDir, ...files],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    let stalled = false;
    const kill = () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    };
    let stall = setTimeout(onStall, STALL_MS);
    function onStall() {
      stalled = true;
      kill();
    }
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      clearTimeout(stall);
      stall = setTimeout(onStall, STALL_MS);
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind = '', ...args] = line.split(' ');
        const [id, tag] = args;
        if (kind === 'IMPORTED' && id) report.imported.add(id);
        else if (kind === 'TAG' && id && tag) {
          if (!report.tags.has(id)) report.tags.set(id, new Set());
          report.tags.get(id)!.add(tag);
        }
        const delay = schedule.onLine(kind, args, performance.now());
        if (delay !== null) timer = setTimeout(kill, delay);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // 'close', not 'exit': lines still in the pipe when the child died were printed after
    // their change was durable, so they are checked too.
    proc.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(stall);
      report.runs++;
      if (stalled) report.failures.push(`stalled in phase ${schedule.phase}`);
      else if (signal === 'SIGKILL') {
        report.kills++;
        report.killedIn[schedule.phase]++;
      } else if (code !== 0) report.failures.push(`exit ${code}: ${stderr.trim().slice(0, 500)}`);
      done();
    });
  });
}

/**
 * Kills children `kills` times against one library: a third of the kills aim at open
 * (recovery), a third at the import, a third at tagging. Each moment is chosen from the
 * child's own reports, so load on the machine changes how long a campaign takes, not
 * where its kills land.
 */
export async function crashCampaign(
  libDir: string,
  files: string[],
  kills: number,
  seed: number,
  child: CrashChild = { script: childScript },
): Promise<CrashReport> {
  const random = rng(seed);
  const deck = killDeck(Math.max(kills, 1), random);
  const timings: LaneTimings = {};
  const report: CrashReport = {
    imported: new Set(),
    tags: new Map(),
    kills: 0,
    runs: 0,
    killedIn: { start: 0, open: 0, import: 0, tag: 0 },
    failures: [],
  };
  while (report.kills < kills && report.failures.length === 0) {
    const schedule = new KillSchedule(deck[report.runs % deck.length]!, timings, files.length);
    await runOnce(libDir, files, schedule, child, report);
  }
  return report;
}

/** Reads a file as the importer would see it. */
export const readText = (path: string): string => readFileSync(path, 'utf8');
