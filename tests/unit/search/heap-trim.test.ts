import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { tempDir } from '../core/tmp-dir';
import { describe, expect, it } from 'vitest';
import { trimHeap } from '../../../main/core/search/workers/heap-trim';

const heapTrimPath = join(__dirname, '../../../main/core/search/workers/heap-trim.ts');

describe('trimHeap', () => {
  it('collects only when the heap is above the limit, and frees garbage when it does', () => {
    expect(trimHeap(Number.MAX_SAFE_INTEGER)).toBe(false);
    // ~16 MB that nothing refers to once the function returns.
    const makeGarbage = () => Array.from({ length: 2000 }, () => new Array(1000).fill(1)).length;
    expect(makeGarbage()).toBe(2000);
    const before = getHeapStatistics().used_heap_size;
    expect(trimHeap(0)).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 8 * 1024 * 1024);
  });
});

describe('heap-trim on load', () => {
  it('leaves V8 flags as they were, so compiled code caches still match', () => {
    // As the command line's code cache does: one process loads heap-trim and saves a script's
    // compiled code at exit; the next uses it before loading heap-trim. V8 rejects code
    // compiled under other flags.
    const cache = join(tempDir(), 'probe.bin');
    const child = (loadFirst: boolean) => `
      const vm = require('node:vm');
      const fs = require('node:fs');
      const src = 'function f(a) { return a + 1 }; f(1);'.repeat(50);
      if (${loadFirst}) require(${JSON.stringify(heapTrimPath)});
      const cachedData = fs.existsSync(${JSON.stringify(cache)})
        ? fs.readFileSync(${JSON.stringify(cache)})
        : undefined;
      const script = new vm.Script(src, { filename: 'probe.js', cachedData });
      script.runInThisContext();
      if (!cachedData) fs.writeFileSync(${JSON.stringify(cache)}, script.createCachedData());
      process.stdout.write(JSON.stringify({ rejected: script.cachedDataRejected ?? null }));
    `;
    const run = (loadFirst: boolean) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', '-e', child(loadFirst)], {
          encoding: 'utf8',
        }),
      ) as { rejected: boolean | null };
    expect(run(true)).toEqual({ rejected: null });
    expect(run(false)).toEqual({ rejected: false });
  });
});
