// `npm run serve:browser -- DIR [--port N]`: the app's UI in a browser, on a library kept in
// DIR (created if missing), for machines where Electron's window cannot run. The same server
// the e2e tests use (real engine, real handler table, HTTP bridge on 127.0.0.1 only).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startE2eApp } from '../support/e2e-server';

const USAGE = 'usage: npm run serve:browser -- DIR [--port N]   (N: 1–65535, default 5199)';

const argsSchema = z.object({
  dir: z.string().min(1),
  port: z.coerce.number().int().min(1).max(65_535),
});

function fail(message: string): never {
  process.stderr.write(`serve:browser: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readArgs(): z.infer<typeof argsSchema> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { port: { type: 'string', short: 'p' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (parsed.positionals.length !== 1) fail('name one library folder');
  const args = argsSchema.safeParse({
    dir: parsed.positionals[0],
    port: parsed.values.port ?? 5199,
  });
  if (!args.success) fail(`bad --port: ${String(parsed.values.port)}`);
  return args.data;
}

async function main(): Promise<void> {
  const { dir, port } = readArgs();
  const libraryDir = resolve(dir);
  mkdirSync(libraryDir, { recursive: true });
  const app = await startE2eApp({ libraryDir, port }).catch((e: unknown) => {
    const inUse = e instanceof Error && 'code' in e && e.code === 'EADDRINUSE';
    fail(inUse ? `port ${port} is in use; pick another with --port` : String(e));
  });
  process.stdout.write(
    `Archive Reader at ${app.url}\n  library: ${libraryDir} (kept when you stop)\n  Ctrl+C to stop\n`,
  );
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
