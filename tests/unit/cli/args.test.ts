import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../../main/cli/args';

const usageError = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it('reads a command with its options and the global flags anywhere', () => {
    const cli = parseCommandLine([
      'list',
      '--sort',
      'title',
      '--json',
      '--tag',
      'a',
      '--tag',
      'b',
      '--library',
      'x',
    ]);
    expect(cli).toMatchObject({
      command: 'list',
      json: true,
      sort: 'title',
      tags: ['a', 'b'],
      library: 'x',
    });
  });

  it('joins the words of a search query and parses --limit', () => {
    const cli = parseCommandLine(['search', 'oil', 'prices', '--limit', '5']);
    expect(cli.args.join(' ')).toBe('oil prices');
    expect(cli.limit).toBe(5);
  });

  it('takes queries starting with "-" after --', () => {
    expect(parseCommandLine(['search', '--', '-oil', '+gas']).args).toEqual(['-oil', '+gas']);
    expect(usageError(['search', '-oil'])).toMatch(
      /Unknown option '-o'; put a query that starts with '-' after --/,
    );
    expect(usageError(['list', '--bogus'])).toBe("Unknown option '--bogus'");
  });

  it('treats no arguments, --help and help as help', () => {
    expect(parseCommandLine([]).command).toBe('help');
    expect(parseCommandLine(['--help']).command).toBe('help');
    expect(parseCommandLine(['show', '--help'])).toMatchObject({ command: 'help', args: ['show'] });
    expect(parseCommandLine(['--version']).command).toBe('version');
  });

  it('rejects unknown commands and options', () => {
    expect(usageError(['frobnicate'])).toMatch(/unknown command 'frobnicate'/);
    expect(usageError(['list', '--colour'])).toMatch(/colour/);
  });

  it('rejects options that belong to another command', () => {
    expect(usageError(['show', 'abc', '--limit', '3'])).toMatch(/--limit does not apply to 'show'/);
    expect(usageError(['import', 'x', '--original'])).toMatch(/--original/);
  });

  it('checks the number of arguments', () => {
    expect(usageError(['show'])).toMatch(/missing arguments; usage: show ID/);
    expect(usageError(['show', 'a', 'b'])).toMatch(/too many arguments/);
    expect(usageError(['tag', 'abc'])).toMatch(/usage: tag ID TAG/);
    expect(usageError(['import'])).toMatch(/import PATH/);
    expect(usageError(['stats', 'extra'])).toMatch(/too many/);
  });

  it('validates values', () => {
    expect(usageError(['list', '--limit', '0'])).toMatch(/--limit must be a whole number/);
    expect(usageError(['list', '--limit', '2x'])).toMatch(/'2x'/);
    expect(usageError(['list', '--sort', 'size'])).toMatch(
      /--sort must be one of imported, date, title/,
    );
    expect(usageError(['list', '--view', 'read'])).toMatch(/--view must be one of/);
    expect(usageError(['tag', 'abc', ' '])).toMatch(/tag names cannot be empty/);
    expect(usageError(['search', ' '])).toMatch(/query is empty/);
    expect(usageError(['list', '--library', ''])).toMatch(/--library needs a folder/);
  });
});
