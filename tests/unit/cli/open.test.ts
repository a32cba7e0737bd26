import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerOptions } from '../../../main/cli/open';
import { repoRoot } from '../../support/shared-data';
import { tempDir } from './run-cli';

describe('workerOptions', () => {
  it('gives the built CLI the built index worker beside it', () => {
    const out = join(tempDir(), 'out', 'main');
    mkdirSync(out, { recursive: true });
    expect(workerOptions(join(out, 'cli.js'))).toEqual({});
    writeFileSync(join(out, 'index-worker.js'), '');
    expect(workerOptions(join(out, 'cli.js'))).toEqual({
      workerScript: join(out, 'index-worker.js'),
    });
  });

  it('gives the source CLI the TypeScript worker and an absolute tsx loader', () => {
    const opts = workerOptions(join(repoRoot, 'main', 'cli', 'open.ts'));
    expect(opts.workerScript).toBe(
      join(repoRoot, 'main', 'core', 'search', 'workers', 'worker.ts'),
    );
    expect(opts.workerExecArgv?.[0]).toBe('--import');
    expect(opts.workerExecArgv?.[1]).toMatch(/^file:\/\/.*tsx/);
  });
});
