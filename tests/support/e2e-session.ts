// One e2e session: the app served over the HTTP bridge and its page open in Chromium, with
// page errors and CSP violations recorded. The suites share this so that each sets up and
// tears down the same way, and a setup that fails half-way leaves nothing running.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LibraryEngine } from '../../main/core/engine';
import {
  chromiumSkipReason,
  ensureRendererBuild,
  hasChromium,
  launchChromium,
  watchPage,
  type PageProblems,
} from './e2e-browser';
import { startE2eApp, type E2eApp, type E2eOptions } from './e2e-server';
import { hasShared, sharedSkipReason } from './shared-data';

/** Whether the browser suites can run (with the shared corpora when `shared`); says why not. */
export function browserTestsReady(options: { shared?: boolean; label?: string } = {}): boolean {
  const prefix = options.label ? `[e2e] ${options.label}: ` : '[e2e] ';
  const shared = !options.shared || hasShared;
  if (!shared) process.stderr.write(`${prefix}${sharedSkipReason}\n`);
  if (!hasChromium) process.stderr.write(`${prefix}${chromiumSkipReason}\n`);
  return hasChromium && shared;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface AppPage {
  browser: Browser;
  page: Page;
  problems: PageProblems;
}

export interface PageOptions {
  viewport: Viewport;
  /** Runs once the page is watched and before it loads the app (e.g. to install probes). */
  beforeLoad?: (page: Page) => Promise<void>;
}

/** Launches Chromium and loads the app at `url` in a watched page of the given size. */
export async function openAppPage(url: string, options: PageOptions): Promise<AppPage> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: options.viewport });
    const problems = await watchPage(page);
    await options.beforeLoad?.(page);
    await page.goto(url);
    return { browser, page, problems };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

export interface FreshApp extends AppPage {
  app: E2eApp;
  /** Closes the browser, then the app (which removes its temporary library). */
  close(): Promise<void>;
}

/** A library folder built once, which each test copies to start from the same state. */
export interface SeedLibrary {
  dir: string;
  remove(): Promise<void>;
}

/** Builds a seed library through the engine (no page): `fill` imports, tags, and so on. */
export async function seedLibrary(
  fill: (engine: LibraryEngine) => Promise<void>,
): Promise<SeedLibrary> {
  ensureRendererBuild();
  const dir = await mkdtemp(join(tmpdir(), 'archive-e2e-seed-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const app = await startE2eApp({ libraryDir: dir });
    try {
      await fill(app.engine);
    } finally {
      await app.close();
    }
  } catch (e) {
    await remove();
    throw e;
  }
  return { dir, remove };
}

/**
 * Builds the renderer if needed, starts the app on a library of its own (new and empty, or a
 * copy of `seed`) and opens it in Chromium, returning once the page shows the empty state
 * (or, from a seed, the first row of the list).
 */
export async function openFreshApp(
  options: { viewport: Viewport; seed?: SeedLibrary } & Omit<E2eOptions, 'libraryDir'>,
): Promise<FreshApp> {
  const { viewport, seed, ...appOptions } = options;
  ensureRendererBuild();
  const copy = seed ? await mkdtemp(join(tmpdir(), 'archive-e2e-')) : undefined;
  if (seed && copy) await cp(seed.dir, copy, { recursive: true });
  let app: E2eApp | undefined;
  let opened: AppPage | undefined;
  const close = async () => {
    await opened?.browser.close();
    await app?.close();
    if (copy) await rm(copy, { recursive: true, force: true });
  };
  try {
    app = await startE2eApp({ ...appOptions, ...(copy ? { libraryDir: copy } : {}) });
    opened = await openAppPage(app.url, { viewport });
    if (seed) await opened.page.locator('.row:not(.placeholder)').first().waitFor();
    else await opened.page.getByRole('heading', { name: 'Your archive is empty' }).waitFor();
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
  return { app, ...opened, close };
}

/** Writes `files` (relative name → text, subfolders allowed) into a new temporary folder. */
export function writeSourceFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'articles-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** Closes a test's app, then checks its page logged no error and broke no CSP rule. */
export async function endSession(ended: FreshApp | undefined): Promise<void> {
  if (!ended) return;
  await ended.close();
  expect(ended.problems.errors).toEqual([]);
  expect(ended.problems.csp).toEqual([]);
}
