// The sample article end to end, progress on a real terminal, and the built CLI.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, repoRoot, sampleArticle, sharedSkipReason } from '../../support/shared-data';
import { cliSource, json, runCli, runProcess, tempDir } from './run-cli';

describe.skipIf(!hasShared)(
  `the sample article (${hasShared ? 'shared data' : sharedSkipReason})`,
  () => {
    it('imports it and finds it by "momeni"', async () => {
      const env = { ARCHIVE_READER_LIBRARY: tempDir() };
      const imported = await runCli(['import', sampleArticle, '--json'], { env });
      expect(imported.code, imported.stderr).toBe(0);
      const [article] = json<{ imported: { id: string; title: string }[] }>(imported).imported;
      expect(article!.title).toMatch(/^Tehran, Baghdad hold high-level talks/);

      const found = json<{ total: number; hits: { id: string; snippet: string }[] }>(
        await runCli(['search', 'momeni', '--json'], { env }),
      );
      expect(found.total).toBe(1);
      expect(found.hits[0]!.id).toBe(article!.id);
      expect(found.hits[0]!.snippet).toMatch(/Momeni/);

      const shown = json<{ place: string | null; body: string }>(
        await runCli(['show', article!.id, '--json'], { env }),
      );
      expect(shown.place).toBe('TEHRAN');
      expect(shown.body).not.toMatch(/Leave a Comment/);
    });
  },
);

const hasScript = existsSync('/usr/bin/script');

describe.skipIf(!hasScript)('on a terminal', () => {
  it('draws one updating progress line on stderr during an import', async () => {
    const src = tempDir();
    for (let i = 0; i < 40; i++) {
      writeFileSync(
        join(src, `story-${i}.txt`),
        `Story number ${i}\n\nThis is story ${i} about the river ${'and the hills '.repeat(i)}.\n`,
      );
    }
    const lib = tempDir();
    const command = [
      process.execPath,
      '--import',
      'tsx',
      cliSource,
      'import',
      src,
      '--library',
      lib,
    ]
      .map((a) => `'${a}'`)
      .join(' ');
    // script(1) gives the CLI a pseudo-terminal; its output is what the terminal got.
    const run = await runProcess('/usr/bin/script', ['-qec', command, '/dev/null'], {
      PATH: process.env.PATH,
      HOME: tempDir(),
      TERM: 'xterm',
    });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('\r\x1b[2KImporting ');
    expect(run.stdout).toMatch(/Importing \d+\/\d+/);
    expect(run.stdout).toContain('40 imported, 0 duplicates, 0 failed, 0 skipped');
    // A terminal search marks matches in bold.
    const search = await runProcess(
      '/usr/bin/script',
      [
        '-qec',
        `'${process.execPath}' --import tsx '${cliSource}' search river --limit 1 --library '${lib}'`,
        '/dev/null',
      ],
      { PATH: process.env.PATH, HOME: tempDir(), TERM: 'xterm' },
    );
    expect(search.stdout).toContain('\x1b[1mriver\x1b[22m');
  });

  it('prints no progress with --json', async () => {
    const src = tempDir();
    writeFileSync(join(src, 'one.txt'), 'Only one\n\nJust one short story.\n');
    const command = `'${process.execPath}' --import tsx '${cliSource}' import '${src}' --json --library '${tempDir()}'`;
    const run = await runProcess('/usr/bin/script', ['-qec', command, '/dev/null'], {
      PATH: process.env.PATH,
      HOME: tempDir(),
      TERM: 'xterm',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('Importing');
    expect(run.stdout).toContain('"imported"');
  });
});

const builtCli = resolve(repoRoot, 'out', 'main', 'cli.js');
const shim = resolve(repoRoot, 'bin', 'archive-reader.js');

describe.skipIf(!existsSync(builtCli))('the built command line (run `npm run build` first)', () => {
  it('runs through the bin shim with the built index worker', async () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(execFileSync(process.execPath, [shim, '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    );
    const src = tempDir();
    writeFileSync(
      join(src, 'built.txt'),
      'Built binary test\n\nThe built command line indexes this walrus.\n',
    );
    const lib = tempDir();
    const env = { PATH: process.env.PATH, HOME: tempDir() };
    const imported = await runProcess(
      process.execPath,
      [shim, 'import', src, '--library', lib],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const found = await runProcess(
      process.execPath,
      [shim, 'search', 'walrus', '--json', '--library', lib],
      env,
    );
    expect(found.code, found.stderr).toBe(0);
    expect(json<{ total: number }>(found).total).toBe(1);
  });
});
