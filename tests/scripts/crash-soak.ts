// Crash soak, run by hand: npx tsx tests/scripts/crash-soak.ts [kills=1000] [lanes=2]
// Kills the importer with SIGKILL at many random moments (aimed at open, import and tagging
// by what the child reports, so load does not matter), then checks that everything it
// reported as imported or tagged survived and that the library opens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../../main/core/library';
import { crashCampaign, idOfText, makeArticleFiles } from '../support/crash-harness';

async function main(): Promise<void> {
  const kills = Number(process.argv[2] ?? 1000);
  const lanes = Number(process.argv[3] ?? 2);
  const base = mkdtempSync(join(tmpdir(), 'ar-soak-'));
  const files = makeArticleFiles(join(base, 'src'), 400);
  const byId = new Map([...files.values()].map((t) => [idOfText(t), t]));
  const started = Date.now();
  const reports = await Promise.all(
    Array.from({ length: lanes }, (_, lane) =>
      crashCampaign(
        join(base, `lib${lane}`),
        [...files.keys()],
        Math.ceil(kills / lanes),
        Date.now() + lane,
      ),
    ),
  );
  let problems = 0;
  for (const [lane, report] of reports.entries()) {
    for (const f of report.failures) {
      problems++;
      console.error(`lane ${lane}: child failed: ${f}`);
    }
    const lib = await openLibrary(join(base, `lib${lane}`));
    for (const id of report.imported) {
      const view = await lib.get(id).catch((e: unknown) => e as Error);
      if (view instanceof Error || view.original !== byId.get(id)) {
        problems++;
        console.error(`lane ${lane}: article ${id} lost or damaged`);
      }
    }
    for (const [id, tags] of report.tags) {
      const have = new Set((await lib.get(id)).tags);
      for (const tag of tags) {
        if (!have.has(tag)) {
          problems++;
          console.error(`lane ${lane}: ${id} lost tag ${tag}`);
        }
      }
    }
    // A soak whose kills never reach tagging would pass without testing it.
    if (report.killedIn.tag === 0 || report.tags.size === 0) {
      problems++;
      console.error(`lane ${lane}: no child was killed while tagging`);
    }
    const stats = await lib.stats();
    for (const p of stats.problems ?? []) {
      problems++;
      console.error(`lane ${lane}: ${p.path}: ${p.reason}`);
    }
    await lib.close();
    console.log(
      `lane ${lane}: ${report.kills} kills in ${report.runs} runs (at open ${report.killedIn.open}, ` +
        `import ${report.killedIn.import}, tagging ${report.killedIn.tag}, start-up ${report.killedIn.start}); ` +
        `${report.imported.size} imported, ` +
        `${[...report.tags.values()].reduce((n, s) => n + s.size, 0)} tags reported; ${stats.articles} articles`,
    );
  }
  console.log(
    `${problems === 0 ? 'OK' : `FAILED (${problems} problems)`} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  if (problems === 0) rmSync(base, { recursive: true, force: true });
  else console.log(`libraries kept in ${base}`);
  process.exitCode = problems === 0 ? 0 : 1;
}

void main();
