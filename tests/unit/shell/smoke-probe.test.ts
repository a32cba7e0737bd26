// The packed-app smoke probe against scripted page answers, on a fake clock.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PAGE_STATE_SCRIPT,
  smokeReportSchema,
  waitForListRows,
  writeSmokeReport,
} from '../../../main/shell/smoke-probe';

/** The page's answers in turn (the last repeats); an Error stands for a failed evaluate. */
function page(...answers: unknown[]) {
  let i = 0;
  const scripts: string[] = [];
  const evaluate = async (script: string) => {
    scripts.push(script);
    const a = answers[Math.min(i++, answers.length - 1)];
    if (a instanceof Error) throw a;
    return a;
  };
  let t = 0;
  const clock = { now: () => t, sleep: async (ms: number) => void (t += ms) };
  return { evaluate, clock, scripts };
}

const state = (rows: number, styled = true) => ({
  url: 'app://archive-reader/index.html',
  rows,
  styled,
});

describe('smoke probe', () => {
  it('waits through a loading page until the list shows the rows', async () => {
    const p = page(new Error('page not ready'), state(0), state(1));
    const r = await waitForListRows(p.evaluate, { minRows: 1, timeoutMs: 5_000, ...p.clock });
    expect(r).toEqual({ ok: true, ms: 500, page: state(1) });
    expect(p.scripts.every((s) => s === PAGE_STATE_SCRIPT)).toBe(true);
  });

  it('fails with what it saw when the rows never come', async () => {
    const p = page(state(0));
    const r = await waitForListRows(p.evaluate, { minRows: 1, timeoutMs: 1_000, ...p.clock });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/showed 0 of 1 rows at app:\/\/archive-reader/);
  });

  it('fails when no stylesheet applied (a blank, unstyled page is not a pass)', async () => {
    const p = page(state(3, false));
    const r = await waitForListRows(p.evaluate, { minRows: 1, timeoutMs: 1_000, ...p.clock });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/no stylesheet applied/);
  });

  it('reports the last error when the page never answers', async () => {
    const p = page(new Error('Script failed to execute'));
    const r = await waitForListRows(p.evaluate, { minRows: 1, timeoutMs: 1_000, ...p.clock });
    expect(r).toMatchObject({ ok: false, page: null, error: 'Script failed to execute' });
  });

  it('refuses an answer of the wrong shape', async () => {
    const p = page({ rows: 'many' });
    const r = await waitForListRows(p.evaluate, { minRows: 1, timeoutMs: 500, ...p.clock });
    expect(r).toMatchObject({ ok: false, page: null });
  });

  it('writes a report the smoke script can parse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ar-smoke-'));
    const file = join(dir, 'report.json');
    await writeSmokeReport(file, { ok: true, ms: 12, page: state(1) });
    expect(smokeReportSchema.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual({
      ok: true,
      ms: 12,
      page: state(1),
    });
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
