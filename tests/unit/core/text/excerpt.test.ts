import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../../main/core/text/parse-article';
import { wordSoup } from '../../search/helpers';

/** The excerpt as first written: the whole body flattened, then cut. */
function wholeBodyExcerpt(body: string, max = 200): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = [...flat].slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

describe('excerpt', () => {
  it('is the excerpt of the whole body, though only its start is read', () => {
    const bodies = [
      '😀'.repeat(300),
      `${'\ud800x'.repeat(150)}😀${'\udc00'.repeat(150)}`,
      `${'x'.repeat(900)} ${'y'.repeat(5)}`,
      `${'word '.repeat(200)}   \n\n  `,
      `${'a'.repeat(199)}😀😀 b c`,
      `${' \n'.repeat(500)}${'w '.repeat(150)}`,
      `${'ab '.repeat(266)}c${' '.repeat(400)}`,
      // Its start flattens to fewer characters than an excerpt holds.
      `a${' '.repeat(700)}${'b'.repeat(100)} ${'c'.repeat(300)}`,
      ...[1, 2, 3, 4].map((seed) =>
        wordSoup(seed).sentence(['news', '\n\n', 'عربي', '東京', '😀', '  ', 'x'.repeat(40)], 600),
      ),
    ];
    for (const body of bodies) {
      const article = parseArticle(`Title\n\n${body}`);
      expect(article.excerpt).toBe(wholeBodyExcerpt(article.body));
    }
  });
});
