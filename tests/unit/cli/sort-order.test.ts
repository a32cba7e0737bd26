// `list --sort S --order O` and `search --sort S --order O`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../main/cli/args';
import { json, runCli, tempDir } from './run-cli';

describe('--sort and --order', () => {
  it('parses per command: search sorts include relevance, list sorts do not', () => {
    expect(parseCommandLine(['list', '--sort', 'date', '--order', 'asc'])).toMatchObject({
      sort: 'date',
      order: 'asc',
    });
    expect(
      parseCommandLine(['search', 'oil', '--sort', 'relevance', '--order', 'asc']),
    ).toMatchObject({ searchSort: 'relevance', order: 'asc', args: ['oil'] });
    expect(() => parseCommandLine(['list', '--sort', 'relevance'])).toThrow(UsageError);
    expect(() => parseCommandLine(['list', '--order', 'up'])).toThrow(
      "--order must be one of asc, desc, not 'up'",
    );
    expect(() => parseCommandLine(['show', 'x', '--order', 'asc'])).toThrow(
      "option --order does not apply to 'show'",
    );
  });

  it('orders list and search both ways, undated articles last by date', async () => {
    const src = tempDir('ar-cli-src-');
    const files: Record<string, string> = {
      'a.txt': 'Alpha tide\n\nAn undated story about the tide.',
      'b.txt': 'Bravo tide\n\nLONDON, March 3, 1999 - The tide came in.',
      'c.txt': 'Charlie tide\n\nPARIS, 2010-05-01 - The tide went out, tide again.',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(src, name), text);
    const env = { ARCHIVE_READER_LIBRARY: tempDir('ar-cli-lib-') };
    expect((await runCli(['import', src], { env })).code).toBe(0);
    const titles = async (...args: string[]) => {
      const run = await runCli([...args, '--json'], { env });
      expect(run.code, run.stderr).toBe(0);
      const out = json<{ items?: { title: string }[]; hits?: { title: string }[] }>(run);
      return (out.items ?? out.hits ?? []).map((i) => i.title.split(' ')[0]);
    };
    expect(await titles('list', '--sort', 'date')).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await titles('list', '--sort', 'date', '--order', 'asc')).toEqual([
      'Bravo',
      'Charlie',
      'Alpha',
    ]);
    expect(await titles('list', '--sort', 'title', '--order', 'desc')).toEqual([
      'Charlie',
      'Bravo',
      'Alpha',
    ]);
    expect(await titles('search', 'tide', '--sort', 'date', '--order', 'asc')).toEqual([
      'Bravo',
      'Charlie',
      'Alpha',
    ]);
    // The table marks an import day so it is not read as the article's date.
    const table = await runCli(['list', '--sort', 'date'], { env });
    expect(table.stdout).toMatch(/2010-05-01 .*Charlie/);
    expect(table.stdout).toMatch(/added \d{4}-\d{2}-\d{2} .*Alpha/);
    const best = await titles('search', 'tide');
    expect(await titles('search', 'tide', '--order', 'asc')).toEqual([...best].reverse());
  });
});
