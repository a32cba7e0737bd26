// Making the first Intl formatter costs a fresh process about 11 ms (ICU's locale data), as
// much as the rest of `--help`: the modules every command line loads (the command line itself
// and the contract) make none when they load (docs/benchmarks.md, "Cold command line").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

// A formatter made at a module's top level, or toLocaleString (which makes one each call).
const EAGER_INTL = /^(export )?(const|let|var) \w+ = new Intl\.|toLocaleString\(/m;

describe('cold command line: no Intl formatter at load', () => {
  it('the command line and the contract make none at their top level', () => {
    const files = [
      ...sources(join(repoRoot, 'main', 'cli')),
      ...sources(join(repoRoot, 'main', 'contract')),
    ];
    expect(files.length).toBeGreaterThan(20);
    const eager = files.filter((f) => EAGER_INTL.test(readFileSync(f, 'utf8')));
    expect(eager.map((f) => f.slice(repoRoot.length + 1))).toEqual([]);
  });
});
