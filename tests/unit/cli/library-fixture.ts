// A small folder of articles that exercises import: nested folders, a duplicate, a file
// that is not an article, and a mix of languages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './run-cli';

export const TITLES = {
  harbour: 'Harbour lanterns glow again',
  copper: 'Copper prices rise sharply',
  meadow: 'Violin festival fills the meadow',
};

/** Writes the fixture folder and returns its path. */
export function writeArticles(): string {
  const dir = tempDir('ar-cli-src-');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(
    join(dir, 'harbour.txt'),
    `${TITLES.harbour}\n\nLONDON – The harbour lanterns were lit at dusk by the old keepers.\n\nCopper roofs shone along the quay while boats came home.\n`,
  );
  const copper = `${TITLES.copper}\n\nCopper prices rose sharply on Monday after two mines closed for repairs.\n\nTraders expect the copper market to stay tight.\n`;
  writeFileSync(join(dir, 'copper.txt'), copper);
  writeFileSync(join(dir, 'sub', 'copper-again.txt'), copper);
  writeFileSync(
    join(dir, 'sub', 'meadow.md'),
    `${TITLES.meadow}\n\nA violin festival in the meadow drew thousands of listeners over the weekend.\n`,
  );
  writeFileSync(join(dir, 'sub', 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  return dir;
}
