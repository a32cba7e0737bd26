// npx tsx tests/scripts/cli-cold.ts [--runs N] [--size N] [--library DIR] [--bin FILE]... [--modules] [--serve]
// Times the command line in fresh processes: `--help`, `list --limit 20 --json` and
// `search oil --json` against one library of --size articles (built once, kept under the temp
// folder). Runs alternate between commands and between the --bin shims given (for example a
// copy of the build before a change and the current one), so a busy machine slows every
// variant alike; the table shows median and min wall time, median CPU (user+sys of the child,
// worker threads included) and each variant's ratio to the first. --modules lists, per
// command, the packages each child loaded and the time spent loading each. The bin shim keeps
// a V8 code cache (bin/code-cache.js) that the first run of a build fills, so the medians are
// of cached runs; ARCHIVE_READER_CODE_CACHE=0 in the environment times them without it.
// Every command answers itself (ARCHIVE_READER_SERVICE=0); with --serve, `archive-reader
// serve` runs for the library (from the last --bin) and each command is also timed answered
// by it, as a second variant.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hasShared, reutersJsonl, sharedSkipReason } from '../support/shared-data';
import { reutersDocs } from '../bench/corpus/sources';
import { writeCorpus } from '../bench/corpus/write';

const repoRoot = resolve(__dirname, '..', '..');

const COMMANDS: Record<string, string[]> = {
  help: ['--help'],
  list: ['list', '--limit', '20', '--json'],
  search: ['search', 'oil', '--json'],
};

// Loaded with --require into each child: reports its own resource usage (all threads) and,
// with --modules, the packages it loaded, on fd 3 when it exits.
const PROBE = `'use strict';
const Module = require('node:module');
const { writeSync } = require('node:fs');
const loads = new Map();
let depth = 0;
if (process.env.CLI_COLD_MODULES === '1') {
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const bare = !request.startsWith('.') && !request.startsWith('/') && !request.startsWith('node:');
    if (!bare || depth > 0) return load.apply(this, arguments);
    const name = request.split('/').slice(0, request.startsWith('@') ? 2 : 1).join('/');
    const t0 = process.hrtime.bigint();
    depth++;
    try { return load.apply(this, arguments); }
    finally {
      depth--;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      loads.set(name, (loads.get(name) || 0) + ms);
    }
  };
}
process.on('exit', () => {
  const r = process.resourceUsage();
  const report = { cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000, maxRssKb: r.maxRSS,
    modules: Object.fromEntries(loads) };
  try { writeSync(3, JSON.stringify(report)); } catch {}
});
`;

const Report = z.object({
  cpuMs: z.number(),
  maxRssKb: z.number(),
  modules: z.record(z.string(), z.number()),
});
type Report = z.infer<typeof Report>;

interface Sample extends Report {
  wallMs: number;
}

function parseFlags() {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      size: { type: 'string' },
      library: { type: 'string' },
      bin: { type: 'string', multiple: true },
      modules: { type: 'boolean' },
      serve: { type: 'boolean' },
    },
    strict: true,
  });
  const size = Number(values.size ?? 10_000);
  const runs = Number(values.runs ?? 15);
  if (!Number.isInteger(size) || size < 1) throw new Error(`bad --size '${values.size}'`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`bad --runs '${values.runs}'`);
  return {
    size,
    runs,
    library: resolve(values.library ?? join(tmpdir(), `archive-reader-cli-cold-${size}`)),
    bins: (values.bin ?? [join(repoRoot, 'bin', 'archive-reader.js')]).map((b) => resolve(b)),
    modules: values.modules === true,
    serve: values.serve === true,
  };
}

/** Imports `size` Reuters articles into `library` and reindexes, once; later runs reuse it. */
async function ensureLibrary(library: string, size: number, bin: string): Promise<void> {
  const marker = join(library, '.cli-cold-ready');
  if (existsSync(marker)) return;
  if (!hasShared) throw new Error(sharedSkipReason);
  process.stderr.write(`building a library of ${size} articles in ${library}…\n`);
  const docs = await reutersDocs(reutersJsonl, size);
  const corpus = await writeCorpus(docs, 'cli-cold');
  try {
    // The reindex leaves every cache complete (entities, version signatures), as a library is
    // once the app has run: a read-only command cannot save the entities it extracts, so
    // after a bare command-line import each `search` would extract the rest again.
    for (const args of [['import', corpus.dir], ['reindex']]) {
      const done = spawnSync(process.execPath, [bin, ...args, '--library', library], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (done.status !== 0) throw new Error(`${args[0]} failed with status ${done.status}`);
    }
  } finally {
    rmSync(corpus.dir, { recursive: true, force: true });
  }
  writeFileSync(marker, `${docs.length}\n`);
}

/** One fresh process running `args`; its wall time, CPU and (optionally) module loads. */
function runOnce(
  variant: Variant,
  args: string[],
  library: string,
  probe: string,
  modules: boolean,
): Promise<Sample> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', probe, variant.bin, ...args], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ARCHIVE_READER_LIBRARY: library,
        CLI_COLD_MODULES: modules ? '1' : '0',
        ARCHIVE_READER_SERVICE: variant.served ? '1' : '0',
      },
    });
    let report = '';
    let stderr = '';
    child.stdio[3]!.on('data', (chunk: Buffer) => (report += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (status !== 0) return fail(new Error(`${args.join(' ')} exited ${status}: ${stderr}`));
      done({ wallMs, ...Report.parse(JSON.parse(report)) });
    });
  });
}

/** A build to time, answering alone or through a running `serve`. */
interface Variant {
  bin: string;
  served: boolean;
  label: string;
}

/** Starts `serve` for the library; resolves once it answers, with a function that stops it. */
function startService(bin: string, library: string): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ARCHIVE_READER_LIBRARY: library },
  });
  const exited = new Promise<void>((done) => child.on('close', () => done()));
  return new Promise((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Answering')) {
        ready(async () => {
          child.kill('SIGTERM');
          await exited;
        });
      }
    });
    void exited.then(() => fail(new Error(`serve stopped: ${out}`)));
  });
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const flags = parseFlags();
  await ensureLibrary(flags.library, flags.size, flags.bins[flags.bins.length - 1]!);
  const probeDir = mkdtempSync(join(tmpdir(), 'archive-reader-cli-cold-probe-'));
  const probe = join(probeDir, 'probe.cjs');
  writeFileSync(probe, PROBE);
  const samples = new Map<string, Sample[]>();
  const key = (command: string, v: Variant) => `${command}\0${v.label}`;
  const variants: Variant[] = flags.bins.map((bin) => ({ bin, served: false, label: bin }));
  const last = flags.bins[flags.bins.length - 1]!;
  if (flags.serve) variants.push({ bin: last, served: true, label: `${last} (served)` });
  const stopService = flags.serve ? await startService(last, flags.library) : null;
  try {
    for (let run = 0; run < flags.runs; run++) {
      for (const [command, args] of Object.entries(COMMANDS)) {
        // Alternate which variant goes first, so neither always follows the other.
        const order = run % 2 ? variants.slice().reverse() : variants;
        for (const v of order) {
          const sample = await runOnce(v, args, flags.library, probe, flags.modules);
          const list = samples.get(key(command, v)) ?? [];
          list.push(sample);
          samples.set(key(command, v), list);
        }
      }
    }
  } finally {
    await stopService?.();
    rmSync(probeDir, { recursive: true, force: true });
  }
  const out: string[] = [
    `${flags.size} articles, ${flags.runs} runs each, alternated`,
    '',
    '| command | variant | median wall ms | min wall ms | median CPU ms | wall ratio | CPU ratio | max RSS MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const command of Object.keys(COMMANDS)) {
    const base = samples.get(key(command, variants[0]!))!;
    for (const v of variants) {
      const s = samples.get(key(command, v))!;
      const wall = median(s.map((x) => x.wallMs));
      const cpu = median(s.map((x) => x.cpuMs));
      const wallRatio = wall / median(base.map((x) => x.wallMs));
      const cpuRatio = cpu / median(base.map((x) => x.cpuMs));
      out.push(
        `| ${command} | ${v.label} | ${wall.toFixed(0)} | ${Math.min(...s.map((x) => x.wallMs)).toFixed(0)} | ${cpu.toFixed(0)} | ${wallRatio.toFixed(2)} | ${cpuRatio.toFixed(2)} | ${(median(s.map((x) => x.maxRssKb)) / 1024).toFixed(0)} |`,
      );
    }
  }
  if (flags.modules) {
    for (const command of Object.keys(COMMANDS)) {
      for (const v of variants) {
        const s = samples.get(key(command, v))!;
        const names = new Set(s.flatMap((x) => Object.keys(x.modules)));
        const rows = [...names]
          .map((n) => [n, median(s.map((x) => x.modules[n] ?? 0))] as const)
          .sort((a, b) => b[1] - a[1]);
        out.push('', `${command} (${v.label}): packages loaded, median ms (outermost require)`);
        for (const [n, ms] of rows) out.push(`  ${ms.toFixed(1).padStart(7)}  ${n}`);
      }
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
