// The bundled samples import cleanly through importSample on the real engine: the English
// ones keep their datelines and the Arabic one is detected as Arabic.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiEvent, ApiEvents } from '../../../main/contract/api-contract';
import { dispatch } from '../../../main/api/dispatch';
import { EngineSlot } from '../../../main/api/engine-slot';
import { createHandlers } from '../../../main/api/handlers';
import { PathGrants } from '../../../main/api/path-grants';
import { Library } from '../../../main/core/library';
import type { ArticlePage, ImportSummary } from '../../../main/contract/types';
import { repoRoot } from '../../support/shared-data';

const sampleDir = join(repoRoot, 'resources', 'samples');
const root = mkdtempSync(join(tmpdir(), 'samples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundled samples', () => {
  it('import through importSample with places, languages and no failures', async () => {
    const emit = <E extends ApiEvent>(_e: E, _p: ApiEvents[E]) => {};
    const slot = new EngineSlot(emit);
    await slot.set(await Library.open(join(root, 'lib')));
    const handlers = createHandlers({
      getEngine: () => slot.get(),
      settings: { get: async () => ({}) as never, update: async () => ({}) as never },
      sampleDir,
      emit,
      paths: new PathGrants(),
    });
    try {
      const r = await dispatch(
        handlers,
        'importSample',
        { importId: 'sample' },
        { transport: 'test' },
      );
      expect(r.ok).toBe(true);
      const summary = (r as { value: ImportSummary }).value;
      const files = readdirSync(sampleDir).filter((f) => f.endsWith('.txt'));
      expect(summary.failed).toEqual([]);
      expect(summary.imported).toHaveLength(files.length);

      const page = (await dispatch(handlers, 'listArticles', {}, { transport: 'test' })) as {
        value: ArticlePage;
      };
      const byLang = new Map(page.value.items.map((a) => [a.language, a]));
      expect(byLang.get('ar')?.place).toBeTruthy();
      const english = page.value.items.filter((a) => a.language === 'en');
      expect(english.length).toBeGreaterThanOrEqual(1);
      for (const a of english) expect(a.place).toMatch(/^[A-Z ]+$/);
    } finally {
      await slot.clear();
    }
  });
});
