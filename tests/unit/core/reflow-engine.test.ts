// A hard-wrapped file through the engine: the clean body is rebuilt, the original stays
// byte-exact, and match ranges, snippets and the excerpt follow the rebuilt body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { writeArticles } from './library-helpers';
import { tempDir } from './tmp-dir';

const WRAPPED = [
  'COCOA REVIEW',
  '',
  'Showers continued throughout the week in',
  'the Bahia cocoa zone, alleviating the drought since early',
  'January and improving prospects for the coming temporao,',
  'although normal humidity levels have not been restored,',
  'Comissaria Smith said in its weekly review.',
  '    The dry period means the temporao will be late this year.',
  '    Arrivals for the week ended February 22 were 155,221 bags',
  'of 60 kilos making a cumulative total for the season of 5.93',
  'mln against 5.81 at the same stage last year.',
  '',
].join('\r\n');

describe('a hard-wrapped article in the library', () => {
  it('shows rebuilt paragraphs, keeps the original, and marks matches in the body', async () => {
    const base = tempDir();
    const [path] = writeArticles(join(base, 'src'), { 'cocoa.txt': WRAPPED });
    const lib = await openLibrary(join(base, 'lib'));
    try {
      const { imported } = await lib.importSources([{ path: path! }]);
      const view = await lib.get(imported[0]!.id, { highlight: 'drought temporao' });
      expect(view.original).toBe(readFileSync(path!, 'utf8'));
      const paragraphs = view.body.split('\n\n');
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs[0]).toMatch(/^Showers continued throughout the week in the Bahia cocoa/);
      expect(paragraphs[0]).not.toContain('\n');
      expect(view.matches.length).toBeGreaterThanOrEqual(3);
      for (const m of view.matches)
        expect(view.body.slice(m.start, m.end).toLowerCase()).toMatch(/^(drought|temporao)$/);
      const hit = (await lib.search({ query: 'humidity' })).hits[0]!;
      expect(hit.snippet).toContain('normal humidity levels have not been restored');
      for (const m of hit.snippetMatches)
        expect(hit.snippet.slice(m.start, m.end).toLowerCase()).toBe('humidity');
      const meta = (await lib.list()).items[0]!;
      expect(meta.excerpt.startsWith('Showers continued throughout the week in the Bahia')).toBe(
        true,
      );
    } finally {
      await lib.close();
    }
  });
});
