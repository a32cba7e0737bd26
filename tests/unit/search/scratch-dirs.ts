// Temporary folders for index tests, removed after each test.
import { afterEach } from 'vitest';
import { tempDir } from './helpers';

/** A fresh temporary folder per call, each removed after the test that made it. */
export function scratchDirs(): () => Promise<string> {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  return async () => {
    const t = await tempDir();
    cleanups.push(t.cleanup);
    return t.dir;
  };
}
