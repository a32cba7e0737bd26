// Messages between the engine proxy (the calling thread) and the engine worker. Plain data
// only: structured clone carries them, including the Uint8Array contents of dropped files.
// Both sides parse what they receive.
import { z } from 'zod';
import { errorCodeSchema } from '../../contract/types';
import { ENGINE_CHANGE_REASONS } from '../../contract/api-contract';
import type { LibraryChange, OpenOptions } from '../engine';
import { isEngineMethod, type EngineMethod } from '../engine-methods';

const hostWorkerDataSchema = z.object({
  dir: z.string(),
  // Loose: an open option added later reaches the worker without an edit here.
  options: z.looseObject({
    create: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    workerScript: z.string().optional(),
    workerExecArgv: z.array(z.string()).optional(),
  }),
}) satisfies z.ZodType<{ dir: string; options: Omit<OpenOptions, 'onIndexProgress'> }>;

/** What the worker needs to open the library (OpenOptions without its callbacks). */
export type HostWorkerData = z.infer<typeof hostWorkerDataSchema>;

/** The worker's start data; throws when it is not HostWorkerData. */
export function parseHostWorkerData(data: unknown): HostWorkerData {
  return hostWorkerDataSchema.parse(data);
}

const callId = z.number().int().positive();
const slot = z.number().int().nonnegative();

const engineMethodSchema = z.custom<EngineMethod>(
  (v) => typeof v === 'string' && isEngineMethod(v),
  'not an engine method',
);

const toWorkerSchema = z.discriminatedUnion('type', [
  /** Call `method`; functions and signals in `args` are markers (marshal.ts). */
  z.object({
    type: z.literal('call'),
    id: callId,
    method: engineMethodSchema,
    args: z.array(z.unknown()),
  }),
  /** The caller aborted the signal in `slot` of call `id`. */
  z.object({ type: z.literal('abort'), id: callId, slot }),
]);

export type ToWorker = z.infer<typeof toWorkerSchema>;

const wireErrorSchema = z.object({
  /** Marks an ArchiveError, whose code and message are kept. */
  archive: z.boolean(),
  code: errorCodeSchema,
  message: z.string(),
  stack: z.string().optional(),
});

/** An error as it crosses the thread boundary. */
export type WireError = z.infer<typeof wireErrorSchema>;

const changeSchema = z.object({
  reason: z.enum(ENGINE_CHANGE_REASONS),
  ids: z.array(z.string()).optional(),
}) satisfies z.ZodType<LibraryChange>;

const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), path: z.string(), readOnly: z.boolean() }),
  z.object({ type: z.literal('open-failed'), error: wireErrorSchema }),
  /** Progress of an index rebuild while opening. */
  z.object({
    type: z.literal('open-progress'),
    progress: z.object({ done: z.number(), total: z.number() }),
  }),
  z.object({ type: z.literal('result'), id: callId, value: z.unknown() }),
  z.object({ type: z.literal('failure'), id: callId, error: wireErrorSchema }),
  /** Call `id` called the function in `slot` (a progress callback) with `args`. */
  z.object({ type: z.literal('callback'), id: callId, slot, args: z.array(z.unknown()) }),
  z.object({ type: z.literal('change'), change: changeSchema }),
]);

export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** A message for the worker, or null when `data` is not one. */
export function parseToWorker(data: unknown): ToWorker | null {
  const r = toWorkerSchema.safeParse(data);
  return r.success ? r.data : null;
}

/** A message from the worker, or null when `data` is not one. */
export function parseFromWorker(data: unknown): FromWorker | null {
  const r = fromWorkerSchema.safeParse(data);
  return r.success ? r.data : null;
}
