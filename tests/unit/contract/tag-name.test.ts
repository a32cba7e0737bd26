// One tag-name rule for the API, the engine and the command line: real text in any script is a
// tag; controls, bidi overrides, U+FFFD and blank names are not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../main/contract/api-contract';
import {
  TAG_NAME_MAX_LENGTH,
  normalizeTagName,
  quoteTagName,
  tagNameProblem,
  tagNameSchema,
  tagReferenceSchema,
} from '../../../main/contract/tag-name';
import { checkTagName } from '../../../main/core/library/tags';
import { parseCommandLine } from '../../../main/cli/args';
import { article, openFake, writeArticles } from '../core/library-helpers';
import { tempDir } from '../core/tmp-dir';
import { runProcess, cliSource, tsxLoader } from '../cli/run-cli';

const ACCEPTED: [string, string][] = [
  ['an emoji family joined by ZWJ', '👩\u200d👩\u200d👧'],
  ['Persian with a ZWNJ', 'می\u200cخواهم'],
  ['a flag emoji', '🇮🇷'],
  [
    'a subdivision flag (tag characters)',
    '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}',
  ],
  ['an emoji with a variation selector', '❤\ufe0f'],
  ['combining accents', 'cafe\u0301'],
  ['Devanagari with a virama', 'हिन्दी'],
  ['Thai', 'ภาษาไทย'],
  ['CJK', '中文标签'],
  ['an astral CJK ideograph', '𠀋𠀌'],
  ['Arabic with a right-to-left mark', 'عربي\u200f'],
  ['Hebrew', 'עברית'],
  ['spaces and punctuation inside', 'Middle East / Gulf (2024)'],
  ['the longest name, counted in code points', '😀'.repeat(TAG_NAME_MAX_LENGTH)],
];

const REFUSED: [string, string][] = [
  ['an empty name', ''],
  ['only spaces', '   '],
  ['only a ZWJ', '\u200d'],
  ['only zero-width and format characters', '\u200b\u200c\u2060'],
  ['a NUL', 'a\u0000b'],
  ['a tab', 'a\tb'],
  ['a newline', 'a\nb'],
  ['a terminal escape', 'a\u001b[2Jb'],
  ['DEL', 'a\u007fb'],
  ['a C1 next-line', 'a\u0085b'],
  ['a C1 control sequence introducer', 'a\u009bb'],
  ['a line separator', 'a\u2028b'],
  ['a paragraph separator', 'a\u2029b'],
  ['U+FFFD from invalid UTF-8', '\ufffd\ufffd\ufffdx'],
  ['one code point too many', 'x'.repeat(TAG_NAME_MAX_LENGTH + 1)],
  ['one emoji too many', '😀'.repeat(TAG_NAME_MAX_LENGTH + 1)],
  ['a huge string', 'x'.repeat(10_000_000)],
  ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map(
    (cp): [string, string] => [
      `the bidi control U+${cp.toString(16)}`,
      `txt.${String.fromCodePoint(cp)}exe`,
    ],
  ),
];

describe('tag-name rule', () => {
  it.each(ACCEPTED)('accepts %s', (_label, name) => {
    expect(tagNameProblem(name)).toBeNull();
    expect(tagNameSchema.safeParse(name).success).toBe(true);
    expect(checkTagName(name)).toBe(normalizeTagName(name));
  });

  it.each(REFUSED)('refuses %s', (_label, name) => {
    expect(tagNameProblem(name)).toEqual(expect.any(String));
    expect(tagNameSchema.safeParse(name).success).toBe(false);
    expect(() => checkTagName(name)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
  });

  it('lets a name that refers to a tag hold U+FFFD, so tags made before the rule can go', () => {
    const legacy = 'caf\ufffd';
    expect(tagNameProblem(legacy)).toMatch(/U\+FFFD/);
    expect(tagNameProblem(legacy, 'existing')).toBeNull();
    expect(tagReferenceSchema.safeParse(legacy).success).toBe(true);
    expect(checkTagName(legacy, 'existing')).toBe(legacy);
    for (const [, name] of REFUSED.filter(([label]) => !label.includes('U+FFFD'))) {
      expect(tagNameProblem(name, 'existing')).toEqual(expect.any(String));
      expect(tagReferenceSchema.safeParse(name).success).toBe(false);
    }
  });

  it('trims and composes, so one tag is stored one way', () => {
    expect(normalizeTagName('  cafe\u0301 ')).toBe('café');
    expect(checkTagName('\ufeff Iran\u00a0')).toBe('Iran');
  });

  it('says which character is refused without writing it raw into the message', () => {
    const problem = tagNameProblem('a\u202eb');
    expect(problem).toContain('U+202E');
    try {
      checkTagName('evil\u202etxt.exe');
      expect.unreachable('the engine accepted a bidi override');
    } catch (e) {
      expect(String(e)).toContain('<U+202E>');
      expect(String(e)).not.toContain('\u202e');
    }
    expect(quoteTagName('a\u001b[2J')).toBe('"a<U+001B>[2J"');
  });

  it('is the rule of every API field that carries a tag name', () => {
    const id = '0123456789abcdef';
    const bad = 'a\u202eb';
    const good = 'می\u200cخواهم';
    const legacy = 'caf\ufffd';
    const calls = [
      [apiContract.addTags.args, (t: string) => ({ ids: [id], tags: [t] })],
      [apiContract.removeTags.args, (t: string) => ({ ids: [id], tags: [t] })],
      [apiContract.renameTag.args, (t: string) => ({ from: 'old', to: t })],
      [apiContract.deleteTag.args, (t: string) => ({ name: t })],
      [apiContract.restoreTags.args, (t: string) => ({ entries: [{ id, tags: [t] }] })],
      [apiContract.listArticles.args, (t: string) => ({ tags: [t] })],
      [apiContract.search.args, (t: string) => ({ query: 'x', tags: [t] })],
    ] as const;
    for (const [schema, args] of calls) {
      expect(schema.safeParse(args(good)).success).toBe(true);
      expect(schema.safeParse(args(bad)).success).toBe(false);
    }
    // Only a new name must be free of U+FFFD; naming an older tag to remove it is fine.
    const fresh = (schema: (typeof calls)[number][0], args: (typeof calls)[number][1]) =>
      schema.safeParse(args(legacy)).success;
    expect(calls.map(([schema, args]) => fresh(schema, args))).toEqual([
      false, // addTags
      true, // removeTags
      false, // renameTag: the new name
      true, // deleteTag
      true, // restoreTags: undo puts back what was there
      true, // listArticles filter
      true, // search filter
    ]);
    expect(apiContract.renameTag.args.safeParse({ from: legacy, to: 'cafe' }).success).toBe(true);
  });
});

describe('tags in the engine', () => {
  it('stores and finds ZWJ, ZWNJ, emoji and CJK tags exactly as given', async () => {
    const base = tempDir();
    const [path] = writeArticles(join(base, 'src'), { 'a.txt': article(1) });
    const lib = await openFake(join(base, 'lib'));
    try {
      const { imported } = await lib.importSources([{ path: path! }]);
      const id = imported[0]!.id;
      const names = ACCEPTED.map(([, name]) => normalizeTagName(name)).slice(0, 10);
      await lib.addTags([id], names);
      expect((await lib.get(id)).tags).toEqual(names);
      const family = names[0]!;
      expect((await lib.list({ tags: [family] })).items.map((m) => m.id)).toEqual([id]);
      await expect(lib.addTags([id], ['\ufffdx'])).rejects.toMatchObject({
        code: 'BAD_ARGUMENT',
      });
      // A tag from before the rule (here put back the way undo does) can be renamed and removed.
      await lib.restoreTags({ entries: [{ id, tags: [family, 'caf\ufffd'] }] });
      await expect(lib.renameTag('caf\ufffd', 'x\ufffd')).rejects.toMatchObject({
        code: 'BAD_ARGUMENT',
      });
      await lib.renameTag('caf\ufffd', 'café');
      await lib.deleteTag('café');
      expect((await lib.get(id)).tags).toEqual([family]);
      await expect(
        lib.renameTag(family, 'x'.repeat(TAG_NAME_MAX_LENGTH + 1)),
      ).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    } finally {
      await lib.close();
    }
  });
});

describe('tags on the command line', () => {
  it('refuses a bidi override or U+FFFD as bad usage, before opening any library', () => {
    expect(() => parseCommandLine(['tag', '0123456789abcdef', 'a\u202eb'])).toThrow(/U\+202E/);
    expect(() => parseCommandLine(['tag', '0123456789abcdef', '\ufffdx'])).toThrow(/U\+FFFD/);
    // Removing a tag made before the rule stays possible.
    expect(parseCommandLine(['untag', '0123456789abcdef', '\ufffdx']).args).toHaveLength(2);
    expect(() => parseCommandLine(['untag', '0123456789abcdef', 'a\u2066b'])).toThrow(/U\+2066/);
    expect(() => parseCommandLine(['list', '--tag', 'a\u0085b'])).toThrow(/U\+0085/);
    expect(parseCommandLine(['tag', '0123456789abcdef', 'می\u200cخواهم']).args).toEqual([
      '0123456789abcdef',
      'می\u200cخواهم',
    ]);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses an argument that is not UTF-8 with exit 2',
    async () => {
      const library = join(tempDir(), 'lib');
      // The shell hands over the raw byte 0xE9 (Latin-1 "é"), which Node decodes to U+FFFD.
      const run = await runProcess(
        '/bin/sh',
        [
          '-c',
          'exec "$0" --import "$1" "$2" --library "$3" tag 0123456789abcdef "$(printf "caf\\351")"',
          process.execPath,
          tsxLoader,
          cliSource,
          library,
        ],
        { PATH: process.env.PATH },
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('U+FFFD');
      expect(run.stdout).toBe('');
    },
    30_000,
  );
});
