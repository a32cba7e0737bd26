// Child process for the crash tests: imports files into a library, then keeps tagging
// articles, printing a line for every change only after the engine reported it durable, and
// lines for where it is (OPENING, READY, PROGRESS, IMPORT-DONE) for the kill schedule.
// Usage: node --import tsx tests/support/crash-child.ts <library> <files...>
import { openLibrary } from '../../main/core/library';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const [dir, ...files] = process.argv.slice(2);
  if (!dir) throw new Error('usage: crash-child <library> <files...>');
  out('OPENING');
  const lib = await openLibrary(dir);
  out('READY');
  const known = new Set((await lib.list({ limit: 1e9 })).items.map((m) => m.id));
  // list() only shows articles whose files were written and synced, so every id printed
  // here was reported imported by the engine.
  const reportNew = async () => {
    for (const m of (await lib.list({ limit: 1e9 })).items) {
      if (known.has(m.id)) continue;
      known.add(m.id);
      out(`IMPORTED ${m.id}`);
    }
  };
  let pending = Promise.resolve();
  const summary = await lib.importSources(
    files.map((path) => ({ path })),
    {
      onProgress: (p) => {
        // Printed at once, so the harness can aim a kill at a point of the import's progress.
        out(`PROGRESS ${p.done} ${p.total}`);
        pending = pending.then(reportNew);
      },
    },
  );
  await pending;
  await reportNew();
  for (const e of summary.imported) if (!known.has(e.id)) out(`IMPORTED ${e.id}`);
  out('IMPORT-DONE');
  const ids = [...known];
  for (let n = 0; ids.length > 0; n++) {
    const id = ids[n % ids.length]!;
    const tag = `t${process.pid}-${n}`;
    await lib.addTags([id], [tag]);
    out(`TAG ${id} ${tag}`);
    if (n % 5 === 0) {
      await lib.trash([id]);
      await lib.restore([id]);
    }
  }
  await lib.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
