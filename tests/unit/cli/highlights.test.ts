// highlight, highlights, note, unhighlight, export-highlights and the highlights of show: the
// CLI spawned from source on a temp library, plus the text blocks they print.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highlight } from '../../../main/contract/highlights';
import { describeHighlight } from '../../../main/cli/format/highlight-block';
import { cliOnNewLibrary, json, ok, tempDir, type CliRun } from './run-cli';

const TIDES = {
  title: 'Tides of the northern bay',
  body: 'The tide came in at noon and the tide went out at dusk.\n\nFishermen watched the tide from the pier.',
};
const HARBOUR = {
  title: 'أخبار الميناء',
  body: 'أضاءت فوانيس الميناء عند الغسق من جديد.\n\nعاد الصيادون إلى بيوتهم قبل المطر.',
};

const HIGHLIGHT_ID = /^[0-9a-f]{16}-[0-9a-f]{8}$/;
// Controls other than tab and line feed, and the bidi overrides and isolates.
// eslint-disable-next-line no-control-regex -- the controls are what is looked for
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Listed {
  id: string;
  articleId: string;
  title: string;
  exact: string;
  note: string;
  color: string;
  createdAt: string;
  orphaned: boolean;
}
interface Shown {
  body: string;
  highlights: {
    id: string;
    exact: string;
    note: string;
    color: string;
    start: number | null;
    end: number | null;
    orphaned: boolean;
  }[];
}

const { cli } = cliOnNewLibrary('ar-cli-hl-lib-');
/** A refused run: the status, nothing on stdout, exactly one line on stderr. */
const refused = (run: CliRun, code: number): string => {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  return run.stderr.trimEnd();
};
const listed = async (...args: string[]): Promise<Listed[]> =>
  json<{ highlights: Listed[] }>(ok(await cli('highlights', ...args, '--json'))).highlights;
const shown = async (id: string): Promise<Shown> =>
  json<Shown>(ok(await cli('show', id, '--json')));

/** Where the n-th (from 1) occurrence of `text` starts in `body`. */
function nthIndex(body: string, text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = body.indexOf(text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

let tides = '';
let harbour = '';

beforeAll(async () => {
  const src = tempDir('ar-cli-hl-src-');
  writeFileSync(join(src, 'tides.txt'), `${TIDES.title}\n\n${TIDES.body}\n`);
  writeFileSync(join(src, 'harbour.txt'), `${HARBOUR.title}\n\n${HARBOUR.body}\n`);
  const run = await cli('import', src, '--json');
  expect(run.code, run.stderr).toBe(0);
  const { imported } = json<{ imported: { id: string; title: string }[] }>(run);
  tides = imported.find((a) => a.title === TIDES.title)?.id ?? '';
  harbour = imported.find((a) => a.title === HARBOUR.title)?.id ?? '';
  expect(tides).toMatch(/^[0-9a-f]{16}$/);
  expect(harbour).toMatch(/^[0-9a-f]{16}$/);
});

describe('highlight', () => {
  it("prints the new highlight's id, and its fields with --json", async () => {
    const run = ok(await cli('highlight', tides, 'came in at noon'));
    const id = run.stdout.trim();
    expect(run.stdout).toBe(`${id}\n`);
    expect(id).toMatch(HIGHLIGHT_ID);
    expect(id.startsWith(`${tides}-`)).toBe(true);

    const made = json<Record<string, unknown>>(
      ok(await cli('highlight', tides, 'Fishermen', '--note', 'who?', '--color', 'blue', '--json')),
    );
    expect(Object.keys(made).sort()).toEqual(
      ['articleId', 'color', 'createdAt', 'exact', 'id', 'note'].sort(),
    );
    expect(made).toMatchObject({
      articleId: tides,
      exact: 'Fishermen',
      note: 'who?',
      color: 'blue',
    });
    expect(String(made.id)).toMatch(HIGHLIGHT_ID);
    expect(Number.isNaN(Date.parse(String(made.createdAt)))).toBe(false);
    // Without --color and --note: the default colour and no note.
    const plain = json<{ note: string; color: string }>(
      ok(await cli('highlight', tides, 'the pier', '--json')),
    );
    expect(plain).toMatchObject({ note: '', color: 'yellow' });
  });

  it('picks another occurrence with --occurrence', async () => {
    const second = json<{ id: string }>(
      ok(await cli('highlight', tides, 'the tide', '--occurrence', '2', '--json')),
    );
    const view = await shown(tides);
    const placed = view.highlights.find((h) => h.id === second.id);
    const expected = nthIndex(view.body, 'the tide', 2);
    expect(expected).toBeGreaterThan(nthIndex(view.body, 'the tide', 1));
    expect(placed).toMatchObject({ start: expected, end: expected + 'the tide'.length });
  });

  it('exits 2 with one line when the text is not in the article, and adds nothing', async () => {
    const before = (await listed(tides)).length;
    const message = refused(await cli('highlight', tides, 'a passage that is not there'), 2);
    expect(message).toBe('archive-reader: the text was not found in this article');
    refused(await cli('highlight', tides, 'Fishermen', '--occurrence', '5'), 2);
    expect(await listed(tides)).toHaveLength(before);
  });

  it('refuses a whitespace-only text and a bad colour (exit 2), adding nothing', async () => {
    const before = (await listed(tides)).length;
    expect(refused(await cli('highlight', tides, ' \n\t '), 2)).toMatch(/text .*is empty/);
    expect(refused(await cli('highlight', tides, 'the pier', '--color', 'orange'), 2)).toMatch(
      /--color must be one of yellow, green, blue, pink, purple/,
    );
    expect(await listed(tides)).toHaveLength(before);
  });

  it('highlights Arabic text, placed where it is in the clean body', async () => {
    const quote = 'فوانيس الميناء';
    const made = json<{ id: string; exact: string }>(
      ok(await cli('highlight', harbour, quote, '--note', 'ملاحظة عن الفوانيس', '--json')),
    );
    expect(made.exact).toBe(quote);
    const view = await shown(harbour);
    const placed = view.highlights.find((h) => h.id === made.id)!;
    expect(view.body.slice(placed.start!, placed.end!)).toBe(quote);
    const human = ok(await cli('highlights', harbour)).stdout;
    expect(human).toContain(`> ${quote}`);
    expect(human).toContain('Note: ملاحظة عن الفوانيس');
  });
});

describe('highlights', () => {
  it('lists every highlight with its title, newest first, as JSON and as text', async () => {
    const all = await listed();
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const h of all) {
      expect(Object.keys(h).sort()).toEqual(
        ['articleId', 'color', 'createdAt', 'exact', 'id', 'note', 'orphaned', 'title'].sort(),
      );
      expect(h.orphaned).toBe(false);
      expect(h.title).toBe(h.articleId === tides ? TIDES.title : HARBOUR.title);
    }
    const times = all.map((h) => h.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set(all.map((h) => h.articleId))).toEqual(new Set([tides, harbour]));

    const text = ok(await cli('highlights')).stdout;
    const order = all.map((h) => text.indexOf(h.id));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain(TIDES.title);
    expect(text).toContain('> Fishermen');
    expect(text).toContain('Note: who?');
    expect(text.trimEnd().endsWith(`${all.length} highlights`)).toBe(true);
  });

  it("lists one article's highlights, and refuses unknown and malformed ids", async () => {
    const one = await listed(harbour);
    expect(one.length).toBeGreaterThan(0);
    expect(one.every((h) => h.articleId === harbour)).toBe(true);
    refused(await cli('highlights', 'ffffffffffffffff'), 3);
    refused(await cli('highlights', 'not-an-id'), 2);
  });

  it('leaves out the trash unless the article is named', async () => {
    ok(await cli('remove', harbour));
    try {
      expect((await listed()).map((h) => h.articleId)).not.toContain(harbour);
      expect((await listed(harbour)).length).toBeGreaterThan(0);
    } finally {
      ok(await cli('restore', harbour));
    }
    expect((await listed()).map((h) => h.articleId)).toContain(harbour);
  });
});

describe('note', () => {
  it('sets a note and clears it with an empty one', async () => {
    const id = ok(await cli('highlight', tides, 'went out at dusk')).stdout.trim();
    const set = ok(await cli('note', id, 'low tide: ٣ pm'));
    expect(set.stdout.trim().split('\n')).toHaveLength(1);
    expect(set.stdout).toContain(id);
    expect((await listed(tides)).find((h) => h.id === id)?.note).toBe('low tide: ٣ pm');

    const cleared = json<Record<string, unknown>>(ok(await cli('note', id, '', '--json')));
    expect(Object.keys(cleared).sort()).toEqual(
      ['articleId', 'color', 'createdAt', 'exact', 'id', 'note'].sort(),
    );
    expect(cleared).toMatchObject({ id, articleId: tides, exact: 'went out at dusk', note: '' });
    expect((await listed(tides)).find((h) => h.id === id)?.note).toBe('');
  });

  it('refuses a malformed highlight id (exit 2) and an unknown one (exit 3)', async () => {
    refused(await cli('note', 'nope', 'x'), 2);
    refused(await cli('note', `${tides}-00000000`, 'x'), 3);
    refused(await cli('note', 'ffffffffffffffff-00000000', 'x'), 3);
  });
});

describe('unhighlight', () => {
  it('removes one highlight and says so', async () => {
    const id = ok(await cli('highlight', tides, 'watched')).stdout.trim();
    const removed = json(ok(await cli('unhighlight', id, '--json')));
    expect(removed).toEqual({ removed: id });
    expect((await listed()).map((h) => h.id)).not.toContain(id);
    expect((await shown(tides)).highlights.map((h) => h.id)).not.toContain(id);
    refused(await cli('unhighlight', id), 3);

    const again = ok(await cli('highlight', tides, 'watched')).stdout.trim();
    const human = ok(await cli('unhighlight', again)).stdout;
    expect(human.trim().split('\n')).toHaveLength(1);
    expect(human).toContain(again);
  });
});

describe('show', () => {
  it('includes the highlights in JSON, placed in the body', async () => {
    const view = await shown(tides);
    expect(view.highlights.length).toBeGreaterThan(0);
    for (const h of view.highlights) {
      expect(Object.keys(h).sort()).toEqual(
        [
          'color',
          'createdAt',
          'end',
          'exact',
          'id',
          'note',
          'orphaned',
          'start',
          'updatedAt',
        ].sort(),
      );
      expect(h.orphaned).toBe(false);
      expect(view.body.slice(h.start!, h.end!)).toBe(h.exact);
    }
  });

  it('prints a Highlights section after the body, and none without highlights', async () => {
    const view = await shown(tides);
    const text = ok(await cli('show', tides)).stdout;
    const section = text.indexOf(`\nHighlights (${view.highlights.length})\n`);
    expect(section).toBeGreaterThan(text.indexOf('Fishermen watched the tide'));
    for (const h of view.highlights) expect(text.slice(section)).toContain(h.id);
    expect(text.slice(section)).toContain('> Fishermen');
    // --original prints the original text alone.
    expect(ok(await cli('show', tides, '--original')).stdout).not.toContain('Highlights (');

    const src = tempDir('ar-cli-hl-bare-');
    writeFileSync(join(src, 'bare.txt'), 'A bare article\n\nNothing is highlighted here.\n');
    const { imported } = json<{ imported: { id: string }[] }>(
      ok(await cli('import', src, '--json')),
    );
    expect(ok(await cli('show', imported[0]!.id)).stdout).not.toContain('Highlights');
    expect((await shown(imported[0]!.id)).highlights).toEqual([]);
  });
});

describe('export-highlights', () => {
  it('writes every highlight as Markdown, to stdout or to --out', async () => {
    const all = await listed();
    const stdout = ok(await cli('export-highlights')).stdout;
    for (const h of all) expect(stdout).toContain(h.exact);
    expect(stdout).toContain(TIDES.title);
    expect(stdout).toContain(HARBOUR.title);

    const out = join(tempDir('ar-cli-hl-out-'), 'highlights.md');
    const wrote = json<{ path: string; count: number }>(
      ok(await cli('export-highlights', '--out', out, '--json')),
    );
    expect(wrote).toEqual({ path: out, count: all.length });
    expect(readFileSync(out, 'utf8').trim()).toBe(stdout.trim());
  });
});

describe('describeHighlight', () => {
  const base: Highlight = {
    id: '0123456789abcdef-0a1b2c3d',
    articleId: '0123456789abcdef',
    exact: 'first line\nsecond line',
    note: '',
    color: 'pink',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    start: 0,
    end: 22,
    orphaned: false,
  };

  it('quotes the passage line by line and adds the note only when there is one', () => {
    expect(describeHighlight(base, 'A title')).toBe(
      [`${base.id} · pink · A title`, '  > first line', '  > second line'].join('\n'),
    );
    const noted = describeHighlight({ ...base, note: 'one\ntwo', orphaned: true });
    expect(noted.split('\n')).toEqual([
      `${base.id} · pink · orphaned (not found in the current text)`,
      '  > first line',
      '  > second line',
      '  Note: one',
      '        two',
    ]);
  });

  it('lets no control character of a passage, note or title through raw', () => {
    const hostile = 'a\x1b]0;owned\x07b\u202ec\rd\u2028e\x9bf';
    const text = describeHighlight({ ...base, exact: hostile, note: hostile }, hostile);
    for (const line of text.split('\n')) expect(line).not.toMatch(UNSAFE);
    expect(text).toContain('\\x1b]0;owned\\x07b\\u202ec');
  });
});
