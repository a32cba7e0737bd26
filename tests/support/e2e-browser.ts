/// <reference lib="dom" />
// Browser side of the e2e tests: Debian Chromium through playwright-core, synthetic file
// drops, axe checks, CSP violation capture and screenshots.
import { execSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './shared-data';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export const chromiumSkipReason = `Chromium not found at ${chromiumPath}; install it with "apt-get install chromium" (or set CHROMIUM_PATH)`;
if (!hasChromium) process.stderr.write(`[e2e] skipping browser tests: ${chromiumSkipReason}\n`);

export const artifactsDir = resolve(repoRoot, 'tests', 'e2e', '.artifacts');
export const docsScreenshotsDir = resolve(repoRoot, 'docs', 'screenshots');

/** Builds the renderer when out/renderer is missing (the npm script builds it first anyway). */
export function ensureRendererBuild(): void {
  if (existsSync(resolve(repoRoot, 'out', 'renderer', 'index.html'))) return;
  execSync('npx electron-vite build', { cwd: repoRoot, stdio: 'inherit' });
}

/** The flags that keep Chromium quiet and offline (every e2e browser starts with them). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launches Chromium with the flags that keep it quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...CHROMIUM_FLAGS] });
}

export interface PageProblems {
  errors: string[];
  csp: string[];
}

/** Records page errors and CSP violations (the page's CSP stays on: no bypass). */
export async function watchPage(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { errors: [], csp: [] };
  page.on('pageerror', (e) => problems.errors.push(e.message));
  await page.exposeFunction('__reportCsp', (v: string) => problems.csp.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      );
    });
  });
  return problems;
}

export interface DropFile {
  name: string;
  /** Base64 of the exact bytes. */
  base64: string;
}

/** Reads files from disk for a synthetic drop. */
export function filesFromDisk(paths: string[]): DropFile[] {
  return paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
}

/** Dispatches dragenter, dragover and drop carrying these files, like a drop from the desktop. */
export async function dropFiles(page: Page, files: DropFile[], hold?: () => Promise<void>) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.base64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: 'text/plain' }));
    }
    (window as unknown as { __drop: DataTransfer }).__drop = dt;
    const target = document.querySelector('.app') ?? document.body;
    target.dispatchEvent(
      new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }),
    );
    target.dispatchEvent(
      new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }),
    );
  }, files);
  if (hold) await hold();
  await page.evaluate(() => {
    const dt = (window as unknown as { __drop: DataTransfer }).__drop;
    const target = document.querySelector('.app') ?? document.body;
    target.dispatchEvent(
      new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }),
    );
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  /** Selectors of the first few offending elements, to find them quickly. */
  targets: string[];
}

const axeSource = readFileSync(resolve(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core in the page (injected over CDP, so the page's CSP stays strict). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    interface Result {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

/** Serious and critical violations only (the bar the app must clear). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/**
 * Saves a screenshot to tests/e2e/.artifacts (and docs/screenshots when asked to: only of
 * made-up articles, never of the research corpora, which must not be shipped).
 */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}) {
  mkdirSync(artifactsDir, { recursive: true });
  const file = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (options.docs && process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    mkdirSync(docsScreenshotsDir, { recursive: true });
    copyFileSync(file, join(docsScreenshotsDir, `${name}.png`));
  }
  return file;
}
