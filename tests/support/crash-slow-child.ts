// Stand-in for crash-child.ts with fixed, slow phases and no library: it prints the same
// lines, so the kill schedule can be tested against an import that takes far longer than
// any wall-clock kill window.
// Usage: node --import tsx tests/support/crash-slow-child.ts <openMs> <stepMs> <steps> <tagMs> <library> ...
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const argsSchema = z.tuple([
  z.coerce.number().nonnegative(),
  z.coerce.number().nonnegative(),
  z.coerce.number().int().positive(),
  z.coerce.number().nonnegative(),
]);

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const [openMs, stepMs, steps, tagMs] = argsSchema.parse(process.argv.slice(2, 6));
  out('OPENING');
  await sleep(openMs);
  out('READY');
  for (let done = 0; done <= steps; done++) {
    out(`PROGRESS ${done} ${steps}`);
    if (done > 0) out(`IMPORTED slow${done}`);
    if (done < steps) await sleep(stepMs);
  }
  out('IMPORT-DONE');
  for (let n = 0; ; n++) {
    await sleep(tagMs);
    out(`TAG slow${(n % steps) + 1} t${n}`);
  }
}

void main();
