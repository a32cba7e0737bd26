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

describe('parseCommandLine: highlights and notes', () => {
  const article = '0123456789abcdef';
  const highlight = `${article}-0a1b2c3d`;

  it('reads highlight with its text, note, colour and occurrence', () => {
    const cli = parseCommandLine([
      'highlight',
      article,
      'the harbour lanterns',
      '--note',
      'ملاحظة',
      '--color',
      'green',
      '--occurrence',
      '2',
    ]);
    expect(cli).toMatchObject({
      command: 'highlight',
      args: [article, 'the harbour lanterns'],
      note: 'ملاحظة',
      color: 'green',
      occurrence: 2,
    });
    const plain = parseCommandLine(['highlight', article, 'x']);
    expect([plain.note, plain.color, plain.occurrence]).toEqual([undefined, undefined, undefined]);
    expect(parseCommandLine(['highlight', article, '--', '-40 degrees']).args[1]).toBe(
      '-40 degrees',
    );
  });

  it('refuses a blank text, a bad colour, occurrence or id, and a note over the limit', () => {
    expect(usageError(['highlight', article, ' \t'])).toMatch(/the text to highlight is empty/);
    expect(usageError(['highlight', article, 'x', '--color', 'red'])).toMatch(
      /--color must be one of yellow, green, blue, pink, purple, not 'red'/,
    );
    expect(usageError(['highlight', article, 'x', '--occurrence', '0'])).toMatch(
      /--occurrence must be a whole number of at least 1, not '0'/,
    );
    expect(usageError(['highlight', article, 'x', '--occurrence', '1.5'])).toMatch(/'1.5'/);
    expect(usageError(['highlight', article, 'x', '--occurrence', '9'.repeat(20)])).toMatch(
      /--occurrence is too large/,
    );
    expect(usageError(['highlight', 'abc', 'x'])).toMatch(/'abc' must be an article id/);
    expect(usageError(['highlight', article, 'x', '--note', 'n'.repeat(10_001)])).toMatch(
      /--note must be at most 10,000 characters/,
    );
    expect(usageError(['highlight', article, '-x'])).toMatch(
      /put a text that starts with '-' after --/,
    );
    expect(usageError(['highlight', article, 'x', '--note', '-later'])).toMatch(
      /--note=VALUE for a value that starts with '-'/,
    );
    expect(parseCommandLine(['highlight', article, 'x', '--note=-later']).note).toBe('-later');
    expect(usageError(['highlight', article, 'two', 'words'])).toMatch(
      /too many arguments; usage: highlight ID TEXT \(quote text of several words\)/,
    );
  });

  it('reads note, unhighlight and highlights, and checks their ids', () => {
    expect(parseCommandLine(['note', highlight, ''])).toMatchObject({
      command: 'note',
      args: [highlight, ''],
    });
    expect(parseCommandLine(['unhighlight', highlight]).args).toEqual([highlight]);
    expect(parseCommandLine(['highlights']).args).toEqual([]);
    expect(parseCommandLine(['highlights', article, '--json'])).toMatchObject({
      args: [article],
      json: true,
    });
    expect(usageError(['note', article, 'x'])).toMatch(/must be a highlight id/);
    expect(usageError(['unhighlight', `${highlight}0`])).toMatch(/must be a highlight id/);
    expect(usageError(['highlights', 'nope'])).toMatch(/'nope' must be an article id/);
    expect(usageError(['note', highlight, 'x'.repeat(10_001)])).toMatch(
      /the note must be at most 10,000 characters/,
    );
    expect(usageError(['note', highlight])).toMatch(/usage: note HID NOTE/);
  });

  it('keeps the highlight options to the commands they belong to', () => {
    expect(usageError(['note', highlight, 'x', '--color', 'blue'])).toMatch(
      /--color does not apply to 'note'/,
    );
    expect(usageError(['list', '--occurrence', '2'])).toMatch(/--occurrence does not apply/);
    expect(parseCommandLine(['export-highlights', '--out', 'h.md']).out).toBe('h.md');
    expect(usageError(['export-highlights', '--out', ' '])).toMatch(/--out needs a file path/);
  });
});
