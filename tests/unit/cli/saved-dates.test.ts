// `archive-reader saved` (text) shows a saved search's date range, set in the app; the
// column appears only when some saved search has one.
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../../main/core/library';
import { cliOnNewLibrary, ok } from './run-cli';

describe('saved searches in text', () => {
  it('show each date range, open ends included', async () => {
    const { library, cli } = cliOnNewLibrary('ar-cli-saved-dates-');
    const lib = await openLibrary(library);
    try {
      await lib.putSavedSearch({ name: 'Plain', query: 'river', filters: {} });
      const plain = ok(await cli('saved')).stdout;
      expect(plain).not.toContain('DATES');
      await lib.putSavedSearch({
        name: 'Spring',
        query: 'river',
        filters: { from: '2004-03-01', to: '2004-06-30' },
      });
      await lib.putSavedSearch({ name: 'Later', query: '', filters: { from: '2010-01-01' } });
      await lib.putSavedSearch({ name: 'Earlier', query: 'flood', filters: { to: '1999-12-31' } });
    } finally {
      await lib.close();
    }
    const lines = ok(await cli('saved')).stdout.split('\n');
    expect(lines[0]).toMatch(/^NAME\s+QUERY\s+DATES\s+ARTICLES$/);
    const row = (name: string) => lines.find((l) => l.startsWith(name))!.replace(/\s+/g, ' ');
    expect(row('Spring')).toBe('Spring river 2004-03-01 to 2004-06-30 0');
    expect(row('Later')).toBe('Later from 2010-01-01 0');
    expect(row('Earlier')).toBe('Earlier flood until 1999-12-31 0');
    expect(row('Plain')).toBe('Plain river 0');
  });
});
