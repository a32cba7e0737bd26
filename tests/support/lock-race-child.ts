// Child process for the lock race test: on {go: dir} it tries to take the library lock and
// reports whether it holds it; on {release} it lets go. Several of these race each round.
// LOCK_MODULE names the lock module to test (the real one unless the test says otherwise).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface LockModule {
  acquireLock(dir: string): Promise<{ release(): Promise<void> }>;
}

async function main(): Promise<void> {
  const path = process.env.LOCK_MODULE ?? resolve(__dirname, '../../main/core/store/lock.ts');
  const lockModule = (await import(pathToFileURL(path).href)) as LockModule;
  let held: { release(): Promise<void> } | null = null;
  process.on('message', (raw) => {
    const message = raw as { go?: string; release?: true; quit?: true };
    void (async () => {
      if (message.go !== undefined) {
        try {
          held = await lockModule.acquireLock(message.go);
          process.send!({ held: true });
        } catch (e) {
          process.send!({ held: false, code: (e as { code?: string }).code ?? String(e) });
        }
      } else if (message.release) {
        await held?.release();
        held = null;
        process.send!({ released: true });
      } else if (message.quit) process.disconnect();
    })();
  });
  process.send!({ ready: true });
}

void main();
