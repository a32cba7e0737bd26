// The README's search operators and the search field's help come from one list
// (main/contract/search-syntax.ts); this holds the README to it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_SYNTAX } from '../../../main/contract/search-syntax';
import { searchSyntaxTable } from '../../support/search-syntax-table';
import { repoRoot } from '../../support/shared-data';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('README search syntax', () => {
  it('lists exactly the operators of SEARCH_SYNTAX, which the in-app help shows', () => {
    const block =
      /<!-- search-syntax:start[^>]*-->\n\n([\s\S]*?)\n\n<!-- search-syntax:end -->/.exec(readme);
    expect(block, 'README.md has no search-syntax block').not.toBeNull();
    // On failure, paste the expected table between the README's markers.
    expect(block?.[1]).toBe(searchSyntaxTable());
  });

  it('names each form once (the help keys its rows by them)', () => {
    const forms = SEARCH_SYNTAX.flatMap((e) => e.forms);
    expect(new Set(forms).size).toBe(forms.length);
  });
});
