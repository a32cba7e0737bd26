import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerOptions } from '../../../main/cli/open';
import { builtWorkerScript, sourceWorkerScript } from '../../../main/core/workers/worker-entries';
import { repoRoot } from '../../support/shared-data';
import { tempDir } from './run-cli';

describe('workerOptions', () => {
  it('gives the built CLI the built index worker beside it', () => {
    const out = join(tempDir(), 'out', 'main');
    mkdirSync(out, { recursive: true });
    expect(workerOptions(join(out, 'cli.js'))).toEqual({});
    writeFileSync(builtWorkerScript(out, 'index-worker'), '');
    expect(workerOptions(join(out, 'cli.js'))).toEqual({
      workerScript: builtWorkerScript(out, 'index-worker'),
    });
  });

  it('gives the source CLI the TypeScript worker and an absolute tsx loader', () => {
    const opts = workerOptions(join(repoRoot, 'main', 'cli', 'open.ts'));
    expect(opts.workerScript).toBe(sourceWorkerScript(repoRoot, 'index-worker'));
    expect(opts.workerExecArgv?.[0]).toBe('--import');
    expect(opts.workerExecArgv?.[1]).toMatch(/^file:\/\/.*tsx/);
  });
});
