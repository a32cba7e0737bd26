// Renderer memory for the UI scale figures: the page's JS heap over CDP (after a forced
// garbage collection, so it is what the page keeps), and the resident memory of the page's
// own renderer process: found by a marker the page writes into a trace, read from /proc
// (Linux), and split by Chromium's memory-infra dump into its allocators.
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import type { CdpSession } from './e2e-bare-chromium';

const MB = 1024 * 1024;

/** A playwright CDP session as the plain CdpSession the measurements take. */
export function fromPlaywright(session: CDPSession): CdpSession {
  const raw = session as unknown as {
    send(method: string, params?: object): Promise<unknown>;
    on(method: string, listener: (params: unknown) => void): void;
    off(method: string, listener: (params: unknown) => void): void;
  };
  return {
    send: <R>(method: string, params?: object) => raw.send(method, params) as Promise<R>,
    on: (method, listener) => {
      raw.on(method, listener);
      return () => raw.off(method, listener);
    },
  };
}

/** Runs `measure` with a new CDP session on a playwright page, detached after. */
export async function withPageSession<T>(
  page: Page,
  measure: (session: CdpSession) => Promise<T>,
): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    return await measure(fromPlaywright(session));
  } finally {
    await session.detach();
  }
}

export interface HeapFigures {
  /** JS heap in use after a full GC, MB. */
  usedMb: number;
  /** JS heap reserved, MB. */
  totalMb: number;
  /** DOM nodes alive in the page. */
  nodes: number;
}

/** Forces a full garbage collection in the page. */
export async function collectGarbage(page: CdpSession): Promise<void> {
  await page.send('HeapProfiler.enable');
  await page.send('HeapProfiler.collectGarbage');
  await page.send('HeapProfiler.disable');
}

/** The page's JS heap and DOM node count after a full garbage collection. */
export async function pageHeap(page: CdpSession): Promise<HeapFigures> {
  await collectGarbage(page);
  await page.send('Performance.enable');
  const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>(
    'Performance.getMetrics',
  );
  await page.send('Performance.disable');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return {
    usedMb: metric('JSHeapUsedSize') / MB,
    totalMb: metric('JSHeapTotalSize') / MB,
    nodes: metric('Nodes'),
  };
}

/**
 * Tells the page's renderer memory is critically short (CDP), as the OS would, so it returns
 * the caches and freed memory it holds; what stays resident after is what it needs.
 */
export async function simulateMemoryPressure(page: CdpSession): Promise<void> {
  await page.send('Memory.simulatePressureNotification', { level: 'critical' });
  await collectGarbage(page);
  await new Promise((r) => setTimeout(r, 1000));
}

export interface RendererMemory {
  pid: number;
  /** VmRSS: resident pages, private and shared (the mapped binary, fonts, shared memory). */
  rssMb: number;
  /** RssAnon: resident anonymous pages, private to the process but for fork-shared ones. */
  anonMb: number;
  /** Private_Clean + Private_Dirty (smaps_rollup): pages no other process maps. */
  privateMb: number;
  /** Pss (smaps_rollup): resident pages with shared ones split among their sharers. */
  pssMb: number;
  /** Chromium's own "memory footprint" of the process (memory-infra private_footprint). */
  footprintMb: number;
  /** Top-level memory-infra allocators of the process, MB, largest first (they overlap). */
  allocators: { name: string; mb: number }[];
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  args?: {
    data?: { message?: string };
    dumps?: {
      process_totals?: { private_footprint_bytes?: string };
      allocators?: Record<string, { attrs?: { size?: { value: string } } }>;
    };
  };
}

const hexMb = (hex: string | undefined) => (hex === undefined ? NaN : parseInt(hex, 16) / MB);
const kbField = (text: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) / 1024;

let markers = 0;

/**
 * Memory of the renderer process that runs the page: a trace (over the browser session)
 * records a console.timeStamp marker the page writes, which names the page's process, and
 * a memory-infra dump of every process; the process's /proc figures are read right after.
 * `evaluate` runs an expression in the page.
 */
export async function rendererMemory(
  browser: CdpSession,
  evaluate: (expression: string) => Promise<unknown>,
): Promise<RendererMemory> {
  const events: TraceEvent[] = [];
  const offData = browser.on('Tracing.dataCollected', (p) =>
    events.push(...(p as { value: TraceEvent[] }).value),
  );
  let offComplete: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => {
    offComplete = browser.on('Tracing.tracingComplete', () => resolve());
  });
  const marker = `ui-scale-memory-${process.pid}-${++markers}`;
  try {
    await browser.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['devtools.timeline', 'disabled-by-default-memory-infra'],
        excludedCategories: ['*'],
        memoryDumpConfig: { triggers: [] },
      },
    });
    await evaluate(`console.timeStamp(${JSON.stringify(marker)})`);
    const dump = await browser.send<{ success: boolean }>('Tracing.requestMemoryDump', {
      deterministic: true,
      levelOfDetail: 'detailed',
    });
    await browser.send('Tracing.end');
    await complete;
    if (!dump.success) throw new Error('Chromium could not take a memory dump');
  } finally {
    offData();
    offComplete();
  }
  const pid = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === marker)?.pid;
  if (pid === undefined) throw new Error('the page’s marker is not in the trace');
  // Without /proc (not Linux) the /proc figures are NaN; the trace's still hold.
  const proc = (file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, 'utf8');
    } catch {
      return '';
    }
  };
  const status = proc('status');
  const rollup = proc('smaps_rollup');
  let footprintMb = NaN;
  const allocators = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'v' || e.pid !== pid || !e.args?.dumps) continue;
    const { process_totals: totals, allocators: all } = e.args.dumps;
    if (totals?.private_footprint_bytes) footprintMb = hexMb(totals.private_footprint_bytes);
    for (const [name, node] of Object.entries(all ?? {})) {
      if (!name.includes('/') && node.attrs?.size) {
        allocators.set(name, hexMb(node.attrs.size.value));
      }
    }
  }
  return {
    pid,
    rssMb: kbField(status, 'VmRSS'),
    anonMb: kbField(status, 'RssAnon'),
    privateMb: kbField(rollup, 'Private_Clean') + kbField(rollup, 'Private_Dirty'),
    pssMb: kbField(rollup, 'Pss'),
    footprintMb,
    allocators: [...allocators].map(([name, mb]) => ({ name, mb })).sort((a, b) => b.mb - a.mb),
  };
}
