// The packed-app smoke check (npm run smoke:packed). When ARCHIVE_READER_SMOKE_REPORT names a
// file, the app waits until its list shows article rows from its own stylesheet-styled page,
// writes what it saw to that file and quits. Release builds cannot be driven by Playwright
// (the inspector fuse is off), so the app reports on itself. Electron-free: the page is
// reached through an `evaluate` function.
import { z } from 'zod';
import { errorMessage } from '../contract/error-message';
import { writeFileAtomic } from '../core/store/atomic-write';

/** The environment variable naming the report file; unset, nothing here runs. */
export const SMOKE_REPORT_ENV = 'ARCHIVE_READER_SMOKE_REPORT';

/** What the page shows, as the probe script returns it. */
export const pageStateSchema = z.object({
  url: z.string(),
  rows: z.number().int().min(0),
  styled: z.boolean(),
});
export type PageState = z.infer<typeof pageStateSchema>;

/** The report file's content. */
export const smokeReportSchema = z.object({
  ok: z.boolean(),
  ms: z.number(),
  page: pageStateSchema.nullable(),
  error: z.string().optional(),
});
export type SmokeReport = z.infer<typeof smokeReportSchema>;

/**
 * Run in the page: its URL, how many real article rows the list shows (placeholders left
 * out) and whether a stylesheet of the page's own origin applied.
 */
export const PAGE_STATE_SCRIPT = `(() => ({
  url: location.href,
  rows: document.querySelectorAll('[role="listbox"] [role="option"]:not(.placeholder)').length,
  styled: Array.from(document.styleSheets).some(
    (s) => typeof s.href === 'string' && s.href.startsWith(location.origin + '/'),
  ),
}))()`;

export interface SmokeWaitOptions {
  /** Rows the list must show (the articles handed over on the command line). */
  minRows: number;
  timeoutMs: number;
  intervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls the page until the list shows `minRows` rows, styled; the report says what was seen. */
export async function waitForListRows(
  evaluate: (script: string) => Promise<unknown>,
  o: SmokeWaitOptions,
): Promise<SmokeReport> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? pause;
  const started = now();
  let page: PageState | null = null;
  let error: string | undefined;
  for (;;) {
    try {
      const parsed = pageStateSchema.safeParse(await evaluate(PAGE_STATE_SCRIPT));
      if (parsed.success) {
        page = parsed.data;
        error = undefined;
      } else error = 'The page answered the probe with something unexpected.';
    } catch (e) {
      // The page may still be loading; keep the reason in case it never does.
      error = errorMessage(e);
    }
    const ms = now() - started;
    if (page && page.rows >= o.minRows && page.styled) return { ok: true, ms, page };
    if (ms >= o.timeoutMs) {
      const seen = page
        ? `the list showed ${page.rows} of ${o.minRows} rows${page.styled ? '' : ' and no stylesheet applied'} at ${page.url}`
        : 'the page never answered';
      return { ok: false, ms, page, error: error ?? `After ${ms} ms ${seen}.` };
    }
    await sleep(o.intervalMs ?? 250);
  }
}

/** Writes the report atomically, so the smoke script never reads half of it. */
export async function writeSmokeReport(file: string, report: SmokeReport): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(report)}\n`);
}
