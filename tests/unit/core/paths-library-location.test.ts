// Where the state and the library live, for the app and the CLI alike: the userData folder
// Electron would use, and one rule for the library (--library > ARCHIVE_READER_LIBRARY > the
// app's saved choice > <userData>/library), which the CLI follows exactly like the app.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/cli/open';
import {
  libraryChoiceFile,
  readLibraryChoice,
  resolveLibraryDir,
  saveLibraryChoice,
} from '../../../main/core/library-location';
import { Library } from '../../../main/core/library';
import { defaultLibraryDir, userDataDir, userDataOverride } from '../../../main/core/paths';
import { json, runCli } from '../cli/run-cli';
import { tempDir } from './tmp-dir';

describe('userData folder', () => {
  it('matches Electron userData per platform', () => {
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe(
      '/x/cfg/Archive Reader',
    );
    expect(defaultLibraryDir('linux', {}, '/home/u')).toBe(
      '/home/u/.config/Archive Reader/library',
    );
    expect(defaultLibraryDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Archive Reader/library',
    );
    expect(
      defaultLibraryDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toContain('Archive Reader');
  });

  it('honours ARCHIVE_READER_USER_DATA, as the app does, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        userDataDir(platform, { ARCHIVE_READER_USER_DATA: '/profiles/two', XDG_CONFIG_HOME: '/c' }),
      ).toBe(resolve('/profiles/two'));
    }
    expect(userDataOverride({ ARCHIVE_READER_USER_DATA: 'rel/ud' }, '/work')).toBe(
      resolve('/work', 'rel/ud'),
    );
    expect(userDataOverride({ ARCHIVE_READER_USER_DATA: '  ' })).toBeNull();
    expect(userDataOverride({})).toBeNull();
  });
});

describe('library location', () => {
  it('prefers the flag, then the environment, then the saved choice, then <userData>/library', async () => {
    const userData = tempDir();
    const env = { ARCHIVE_READER_LIBRARY: '/env/lib' };
    expect(resolveLibraryDir({ env: {}, userData })).toBe(join(userData, 'library'));
    await saveLibraryChoice(libraryChoiceFile(userData), '/data/chosen');
    expect(resolveLibraryDir({ env: {}, userData })).toBe('/data/chosen');
    expect(resolveLibraryDir({ env, userData })).toBe('/env/lib');
    expect(resolveLibraryDir({ flag: 'some/lib', env, userData, cwd: '/w' })).toBe(
      resolve('/w', 'some/lib'),
    );
    // Blank values count as not given.
    expect(resolveLibraryDir({ flag: ' ', env: { ARCHIVE_READER_LIBRARY: '' }, userData })).toBe(
      '/data/chosen',
    );
    expect(resolveLibraryDir({ env: { ARCHIVE_READER_LIBRARY: 'rel' }, userData, cwd: '/w' })).toBe(
      resolve('/w', 'rel'),
    );
  });

  it('saves the choice atomically, leaving no temp file', async () => {
    const userData = join(tempDir(), 'not-yet-made');
    const file = libraryChoiceFile(userData);
    await saveLibraryChoice(file, '/data/one');
    await saveLibraryChoice(file, '/data/two');
    expect(readLibraryChoice(file)).toBe('/data/two');
    expect(readdirSync(userData)).toEqual(['library-location.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ libraryDir: '/data/two' });
    await expect(saveLibraryChoice(file, 'relative/dir')).rejects.toThrow();
    expect(readLibraryChoice(file)).toBe('/data/two');
  });

  it.each([
    ['not JSON', '{nope'],
    ['a relative path', '{"libraryDir": "relative"}'],
    ['a number', '{"libraryDir": 3}'],
    ['a NUL byte', '{"libraryDir": "/a\\u0000b"}'],
    ['no field', '{}'],
    ['an array', '["/data/x"]'],
    ['null', 'null'],
    ['an empty file', ''],
  ])('ignores a damaged saved choice: %s', (_name, content) => {
    const userData = tempDir();
    writeFileSync(libraryChoiceFile(userData), content);
    expect(readLibraryChoice(libraryChoiceFile(userData))).toBeNull();
    expect(resolveLibraryDir({ env: {}, userData })).toBe(join(userData, 'library'));
  });
});

const article = (title: string) => ({
  name: `${title}.txt`,
  data: new TextEncoder().encode(`${title}\n\nThe body of the article named ${title}.\n`),
});

/** A library holding one article with this title. */
async function libraryWith(dir: string, title: string): Promise<void> {
  const lib = await Library.open(dir);
  try {
    const summary = await lib.importSources([article(title)]);
    expect(summary.imported).toHaveLength(1);
  } finally {
    await lib.close();
  }
}

async function titlesIn(env: Record<string, string | undefined>, flag?: string) {
  const lib = await openLibrary({ env, readOnly: true, ...(flag ? { libraryFlag: flag } : {}) });
  try {
    return (await lib.list()).items.map((a) => a.title);
  } finally {
    await lib.close();
  }
}

describe('the CLI opens the library the app chose', () => {
  const root = tempDir('ar-choice-');
  const chosen = join(root, 'chosen');
  const other = join(root, 'other');
  const userData = join(root, 'user-data');
  mkdirSync(userData);

  beforeAll(async () => {
    await libraryWith(chosen, 'Chosen library article');
    await libraryWith(other, 'Other library article');
  });

  it('follows the saved choice without --library; the flag and the environment still win', async () => {
    // What File → Choose Library… does in the app.
    await saveLibraryChoice(libraryChoiceFile(userData), chosen);

    const env = { ARCHIVE_READER_USER_DATA: userData };
    expect(await titlesIn(env)).toEqual(['Chosen library article']);
    expect(await titlesIn(env, other)).toEqual(['Other library article']);
    expect(await titlesIn({ ...env, ARCHIVE_READER_LIBRARY: other })).toEqual([
      'Other library article',
    ]);
  });

  it('finds the choice in the platform userData folder, as a spawned CLI', async () => {
    // No override: the CLI computes Electron's folder (XDG_CONFIG_HOME/Archive Reader here).
    const config = join(root, 'config');
    await saveLibraryChoice(libraryChoiceFile(join(config, 'Archive Reader')), chosen);
    const run = await runCli(['list', '--json'], { env: { XDG_CONFIG_HOME: config } });
    expect(run.code, run.stderr).toBe(0);
    const page = json<{ items: { title: string }[] }>(run);
    expect(page.items.map((a) => a.title)).toEqual(['Chosen library article']);

    const flagged = await runCli(['list', '--json', '--library', other], {
      env: { XDG_CONFIG_HOME: config },
    });
    expect(json<{ items: { title: string }[] }>(flagged).items.map((a) => a.title)).toEqual([
      'Other library article',
    ]);
  });
});
