import { describe, expect, it } from 'vitest';
import { IO_THREADS, raiseIoThreads } from '../../../main/core/io-threads';

describe('raiseIoThreads', () => {
  it('asks for a larger pool unless the user chose a size', () => {
    const env: NodeJS.ProcessEnv = {};
    raiseIoThreads(env);
    expect(env.UV_THREADPOOL_SIZE).toBe(String(IO_THREADS));
    const chosen: NodeJS.ProcessEnv = { UV_THREADPOOL_SIZE: '3' };
    raiseIoThreads(chosen);
    expect(chosen.UV_THREADPOOL_SIZE).toBe('3');
  });
});
