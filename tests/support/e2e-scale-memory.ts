// Renderer memory for the UI scale figures: the page's JS heap over CDP (after a forced
// garbage collection, so it is what the page keeps) and the resident memory of Chromium's
// renderer processes read from /proc (Linux only).
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface HeapFigures {
  /** JS heap in use after a full GC, MB. */
  usedMb: number;
  /** JS heap reserved, MB. */
  totalMb: number;
  /** DOM nodes alive in the page. */
  nodes: number;
}

const MB = 1024 * 1024;

/** The page's JS heap and DOM node count after a full garbage collection. */
export async function pageHeap(page: Page): Promise<HeapFigures> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return {
      usedMb: metric('JSHeapUsedSize') / MB,
      totalMb: metric('JSHeapTotalSize') / MB,
      nodes: metric('Nodes'),
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Tells the page's renderer memory is critically short (CDP), as the OS would, so it returns
 * the caches and freed memory it holds; what stays resident after is what it needs.
 */
export async function simulateMemoryPressure(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Memory.simulatePressureNotification', { level: 'critical' });
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
  } finally {
    await cdp.detach();
  }
  await new Promise((r) => setTimeout(r, 1000));
}

export interface ProcessMemory {
  pid: number;
  /** VmRSS: resident pages, private and shared, MB. */
  rssMb: number;
  /** RssAnon: resident private (anonymous) pages, MB. */
  anonMb: number;
}

interface ProcInfo {
  ppid: number;
  status: string;
}

/** Every live process's parent and status text (processes that vanish are skipped). */
function processTable(): Map<number, ProcInfo> {
  const table = new Map<number, ProcInfo>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      table.set(Number(name), { ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]), status });
    } catch {
      // The process ended while the table was read.
    }
  }
  return table;
}

const kbField = (status: string, field: string): number =>
  Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;

/**
 * The page renderer processes (`--type=renderer`) descended from this test process
 * (Chromium starts them through its zygote), largest resident set first; with one page open
 * the largest is that page's. Empty where /proc is not available.
 */
export function rendererProcesses(root = process.pid): ProcessMemory[] {
  let table: Map<number, ProcInfo>;
  try {
    table = processTable();
  } catch {
    return [];
  }
  const descends = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === root) return true;
      p = table.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const out: ProcessMemory[] = [];
  for (const [pid, info] of table) {
    if (!descends(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Chromium rewrites its title, so the arguments may be space- rather than NUL-separated.
    const args = cmdline.split(/[\0 ]/);
    // Browser UI (top-chrome WebUI) and extension renderers hold no page.
    if (!args.includes('--type=renderer') || args.includes('--top-chrome-webui')) continue;
    if (args.includes('--extension-process')) continue;
    out.push({
      pid,
      rssMb: kbField(info.status, 'VmRSS'),
      anonMb: kbField(info.status, 'RssAnon'),
    });
  }
  return out.sort((a, b) => b.rssMb - a.rssMb);
}
