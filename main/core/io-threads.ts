// libuv runs file system calls on a pool of 4 threads by default. An import chunk fsyncs
// hundreds of files and folders at once, and the disk handles many in flight far better than
// four (ext4 commits them together): on this project's test machine 16 threads wrote ~1.6x
// more files per second. The pool is sized when first used, so this runs first thing.

/** The pool size the app, the CLI and the benchmarks use. */
export const IO_THREADS = 16;

/** Asks for a larger libuv pool unless the user set one; a no-op once the pool is running. */
export function raiseIoThreads(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.UV_THREADPOOL_SIZE) env.UV_THREADPOOL_SIZE = String(IO_THREADS);
}
