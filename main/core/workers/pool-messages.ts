// Messages between a WorkerPool and its threads: the task's own fields plus a call id, and
// the answer to that id.

/** A task as posted to a pool thread. */
export type PoolRequest<T extends object> = T & { id: number };

/** A pool thread's answer to the request with the same id. */
export type PoolReply<R> =
  { id: number; ok: true; value: R } | { id: number; ok: false; error: string };
