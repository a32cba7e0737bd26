/// <reference lib="dom" />
// File → Export… in the renderer build over the real engine (HTTP bridge) in Chromium: the
// menu command opens the dialog, the format and the scope are chosen, main's save dialog (here
// the e2e stand-in, which writes into the app's exports folder) takes the path, and the files
// written are the ones asked for. Articles are made here, not taken from the corpora.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonlHeaderSchema, jsonlRecordSchema } from '../../main/contract/export';
import { screenshot, seriousAxeViolations } from '../support/e2e-browser';
import {
  browserTestsReady,
  endSession,
  type FreshApp,
  openFreshApp,
  seedLibrary,
  type SeedLibrary,
  writeSourceFiles,
} from '../support/e2e-session';

const ready = browserTestsReady({ label: 'export' });

const files: Record<string, string> = {
  'harbour.txt':
    'Harbour lights return\n\nThe harbour lanterns were lit again at dusk after the long repairs.\n',
  'market.txt':
    'Market day moves\n\nThe weekly market moves to the square by the harbour in May.\n',
  'arabic.txt': 'أضواء الميناء\n\nأضاءت فوانيس الميناء عند الغسق من جديد بعد الإصلاحات.\n',
};

describe.skipIf(!ready)('File → Export… in Chromium', () => {
  let seed: SeedLibrary;
  let src: string;
  let session: FreshApp | undefined;

  beforeAll(async () => {
    src = writeSourceFiles(files);
    seed = await seedLibrary(async (engine) => {
      const summary = await engine.importSources([{ path: src }]);
      const harbour = summary.imported.find((a) => a.title === 'Harbour lights return')!;
      await engine.addTags([harbour.id], ['coast']);
    });
  });
  afterAll(async () => {
    await seed?.remove();
    rmSync(src, { recursive: true, force: true });
  });
  afterEach(async () => {
    const ended = session;
    session = undefined;
    await endSession(ended);
  });

  it('exports the selection as Markdown and the whole library as JSON Lines', async () => {
    session = await openFreshApp({ viewport: { width: 1360, height: 860 }, seed });
    const { page, app } = session;
    await page.locator('.row:not(.placeholder)').filter({ hasText: 'Harbour lights' }).click();
    await page.locator('.reader .article-title').filter({ hasText: 'Harbour lights' }).waitFor();

    app.emit('menuCommand', { command: 'export' });
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'export-dialog');
    await dialog.getByRole('radio', { name: /Markdown/ }).check();
    await dialog.getByRole('radio', { name: /Selected/ }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(/Exported 1 article to /).waitFor();
    expect(await dialog.count()).toBe(0);

    const folders = readdirSync(app.exportDir);
    expect(folders).toHaveLength(1);
    const written = readdirSync(join(app.exportDir, folders[0]!));
    expect(written).toEqual(['Harbour lights return.md']);
    const markdown = readFileSync(join(app.exportDir, folders[0]!, written[0]!), 'utf8');
    expect(markdown).toMatch(/^---\ntitle: "Harbour lights return"\n/);
    expect(markdown).toContain('  - "coast"');

    // A narrow window: the dialog still fits.
    await page.setViewportSize({ width: 800, height: 700 });
    app.emit('menuCommand', { command: 'export' });
    await dialog.waitFor();
    await screenshot(page, 'export-dialog-800');
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(800);
    await dialog.getByRole('radio', { name: /JSON Lines/ }).check();
    await dialog.getByRole('radio', { name: /whole library/ }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(/Exported 3 articles to /).waitFor();
    const jsonl = readdirSync(app.exportDir).find((name) => name.endsWith('.jsonl'))!;
    const lines = readFileSync(join(app.exportDir, jsonl), 'utf8').trim().split('\n');
    expect(jsonlHeaderSchema.parse(JSON.parse(lines[0]!)).count).toBe(3);
    const titles = lines.slice(1).map((l) => jsonlRecordSchema.parse(JSON.parse(l)).title);
    expect(titles.sort()).toEqual(
      ['Harbour lights return', 'Market day moves', 'أضواء الميناء'].sort(),
    );
  });
});
