// The one list of worker entries: each names a source file that exists, and a worker's
// script is found beside another's in the same form (built or source).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  WORKER_ENTRIES,
  builtWorkerScript,
  sourceWorkerScript,
  workerBeside,
  type WorkerEntry,
} from '../../../main/core/workers/worker-entries';
import { repoRoot } from '../../support/shared-data';

const entries = Object.keys(WORKER_ENTRIES) as WorkerEntry[];

describe('worker entries', () => {
  it('name source files that exist', () => {
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) expect(existsSync(sourceWorkerScript(repoRoot, entry))).toBe(true);
  });

  it('find one worker beside another, built or from source', () => {
    const out = join('/app', 'out', 'main');
    for (const from of entries) {
      for (const to of entries) {
        expect(workerBeside(builtWorkerScript(out, from), to)).toBe(builtWorkerScript(out, to));
        expect(workerBeside(sourceWorkerScript(repoRoot, from), to)).toBe(
          sourceWorkerScript(repoRoot, to),
        );
      }
    }
    expect(workerBeside(join(out, 'custom.js'), 'parse-worker')).toBeNull();
    expect(workerBeside(join(repoRoot, 'main', 'core', 'other.ts'), 'parse-worker')).toBeNull();
  });
});
