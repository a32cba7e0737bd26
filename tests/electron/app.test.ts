// The built app in real Electron, driven by Playwright's _electron: a temporary library,
// an article handed over on the command line, then listing, searching and tagging it.
// Needs `npm run build` output and an Electron binary (node_modules/electron/dist).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElectronApplication, Page } from 'playwright-core';
import { repoRoot } from '../support/shared-data';

const require = createRequire(import.meta.url);
const electronDist = join(repoRoot, 'node_modules', 'electron', 'dist');
const hasElectron = existsSync(electronDist);
const hasBuild = existsSync(join(repoRoot, 'out', 'main', 'index.js'));
const skipReason = !hasElectron
  ? 'Electron binary not installed: node_modules/electron/dist is missing and cannot be downloaded offline'
  : 'no build output: run `npm run build` first';
if (!hasElectron || !hasBuild) process.stderr.write(`[tests/electron] skipping: ${skipReason}\n`);

const sample = join(repoRoot, 'resources', 'samples', 'harbour-ferry-returns.txt');
const sampleTitle = 'Harbour ferry returns after a winter of repairs';

describe.skipIf(!hasElectron || !hasBuild)(
  `Archive Reader in Electron (${hasElectron && hasBuild ? 'ready' : skipReason})`,
  () => {
    let app: ElectronApplication;
    let page: Page;
    let root: string;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'archive-electron-'));
      const { _electron } = await import('playwright-core');
      app = await _electron.launch({
        executablePath: require('electron') as string,
        // Everything after the app path is what a user would type: the article to import.
        args: [join(repoRoot, 'out', 'main', 'index.js'), sample],
        env: {
          ...process.env,
          ARCHIVE_READER_LIBRARY: join(root, 'library'),
          ARCHIVE_READER_USER_DATA: join(root, 'user-data'),
        },
        timeout: 60_000,
      });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      if (root) rmSync(root, { recursive: true, force: true });
    });

    it('runs the page isolated: no Node, only the archive bridge', async () => {
      const globals = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        archive: typeof (window as unknown as { archive?: unknown }).archive,
      }));
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', archive: 'object' });
      // Navigation away from the app is refused by will-navigate.
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
      // Served through the app:// scheme, never from file://.
      expect(before).toBe('app://archive-reader/index.html');
    });

    it('denies window.open without opening anything', async () => {
      const opened = await page.evaluate(() => window.open('https://example.com/') === null);
      await page.waitForTimeout(500);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });

    it('imports the article named on the command line and lists it', async () => {
      await expect
        .poll(async () => page.getByText(sampleTitle).count(), { timeout: 30_000 })
        .toBeGreaterThan(0);
    });

    it('finds it by search', async () => {
      const box = page.getByRole('searchbox').or(page.getByLabel('Search articles')).first();
      await box.fill('ferry');
      await expect
        .poll(async () => page.getByRole('option').filter({ hasText: sampleTitle }).count(), {
          timeout: 15_000,
        })
        .toBeGreaterThan(0);
    });

    it('tags it through the bridge and shows the tag', async () => {
      const result = await page.evaluate(async () => {
        const archive = (
          window as unknown as { archive: import('../../main/contract/api-contract').ArchiveBridge }
        ).archive;
        const list = await archive.listArticles({});
        if (!list.ok) return list;
        return archive.addTags({ ids: [list.value.items[0]!.id], tags: ['ferries'] });
      });
      expect(result.ok).toBe(true);
      await expect
        .poll(async () => page.getByText('ferries').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
    });

    it('refuses paths the user did not hand over', async () => {
      const r = await page.evaluate(() =>
        (
          window as unknown as { archive: import('../../main/contract/api-contract').ArchiveBridge }
        ).archive.importPaths({
          importId: 'sneaky',
          paths: ['/etc'],
        }),
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  },
);
