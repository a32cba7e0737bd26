// The command line's V8 code cache (bin/code-cache.js): a second process reuses what the first
// compiled, a changed file is never run from the old cache (V8 itself checks only the
// length), and a cache folder someone else could write to is not used.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/shared-data';
import { tempDir } from './run-cli';

const shim = resolve(repoRoot, 'bin', 'code-cache.js');

/**
 * Runs `require(root/m.js)` in a fresh Node with the cache over `roots` (default: `root`); its
 * printed export.
 */
function run(root: string, tmp: string, roots: string | string[] = root): string {
  const script = `require(${JSON.stringify(shim)}).enableCodeCache(${JSON.stringify(roots)});
    console.log(require(${JSON.stringify(join(root, 'm.js'))}).value());`;
  return execFileSync(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
    encoding: 'utf8',
  }).trim();
}

/** The cache files written under `tmp`. */
function cacheFiles(tmp: string): string[] {
  const top = readdirSync(tmp).find((n) => n.startsWith('archive-reader-code-cache-'));
  if (!top) return [];
  return readdirSync(join(tmp, top)).flatMap((v8) =>
    readdirSync(join(tmp, top, v8)).map((f) => join(tmp, top, v8, f)),
  );
}

describe('code cache', () => {
  it('reuses the compiled code, and never runs a changed file from the old cache', () => {
    const tmp = tempDir('ar-code-cache-');
    const root = join(tmp, 'build');
    mkdirSync(root);
    writeFileSync(join(root, 'm.js'), 'exports.value = () => "one" + __filename.length * 0;\n');
    expect(run(root, tmp)).toBe('one0');
    const [file, ...more] = cacheFiles(tmp);
    expect(more).toEqual([]);
    const written = statSync(file!).mtimeMs;
    expect(run(root, tmp)).toBe('one0');
    // Accepted, so not written again.
    expect(statSync(file!).mtimeMs).toBe(written);
    // The same length: V8 alone would accept the old cache for it.
    writeFileSync(join(root, 'm.js'), 'exports.value = () => "two" + __filename.length * 0;\n');
    expect(run(root, tmp)).toBe('two0');
    expect(cacheFiles(tmp)).toHaveLength(2);
  });

  it('caches the modules under each root given, and none elsewhere', () => {
    const tmp = tempDir('ar-code-cache-');
    const [build, packages, other] = ['build', 'node_modules', 'other'].map((n) => join(tmp, n));
    for (const d of [build, packages, other]) mkdirSync(d!);
    writeFileSync(join(build!, 'm.js'), 'exports.value = () => require("../node_modules/p.js");\n');
    writeFileSync(join(packages!, 'p.js'), 'module.exports = "package";\n');
    expect(run(build!, tmp, [build!, packages!])).toBe('package');
    expect(cacheFiles(tmp)).toHaveLength(2);
    // A module under no root is compiled as Node would, and not kept.
    writeFileSync(join(other!, 'm.js'), 'exports.value = () => "other";\n');
    expect(run(other!, tmp, [build!, packages!])).toBe('other');
    expect(cacheFiles(tmp)).toHaveLength(2);
  });

  it('does not use a cache folder others can write to', () => {
    if (typeof process.getuid !== 'function') return;
    const tmp = tempDir('ar-code-cache-');
    const root = join(tmp, 'build');
    mkdirSync(root);
    writeFileSync(join(root, 'm.js'), 'exports.value = () => "open";\n');
    const top = join(tmp, `archive-reader-code-cache-${process.getuid()}`);
    mkdirSync(top);
    chmodSync(top, 0o777);
    expect(run(root, tmp)).toBe('open');
    expect(existsSync(top) && readdirSync(top)).toEqual([]);
  });
});
