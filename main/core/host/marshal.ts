// Functions and AbortSignals cannot be structured-cloned. The calling side swaps each one in
// a call's arguments (at any depth of plain objects and arrays) for a marker naming its slot;
// the worker swaps markers back for stand-ins: a function that posts its arguments home, a
// signal the caller's aborts reach. So progress and cancel need no case per method.
import { z } from 'zod';

const markerSchema = z.union([
  z.object({ $hostRef: z.literal('function'), slot: z.number().int().nonnegative() }),
  z.object({
    $hostRef: z.literal('signal'),
    slot: z.number().int().nonnegative(),
    aborted: z.boolean(),
  }),
]);

type Marker = z.infer<typeof markerSchema>;

/** A caller's function as the worker may call it. */
export type RemoteFunction = (...args: unknown[]) => void;

/** Call arguments ready to post, with the functions and signals they held, by slot. */
export interface MarshalledArgs {
  args: unknown[];
  functions: RemoteFunction[];
  signals: AbortSignal[];
}

/** Replaces the functions and AbortSignals in `args` by markers. */
export function marshalArgs(args: readonly unknown[]): MarshalledArgs {
  const functions: RemoteFunction[] = [];
  const signals: AbortSignal[] = [];
  const out = swapDeep(args, (value): Marker | undefined => {
    if (typeof value === 'function') {
      // Only ever called with the worker's cloned arguments, which is all a callback can get.
      functions.push(value as RemoteFunction);
      return { $hostRef: 'function', slot: functions.length - 1 };
    }
    if (value instanceof AbortSignal) {
      signals.push(value);
      return { $hostRef: 'signal', slot: signals.length - 1, aborted: value.aborted };
    }
    return undefined;
  });
  return { args: out, functions, signals };
}

/** What the worker puts where the caller had a function or a signal. */
export interface StandIns {
  function(slot: number): RemoteFunction;
  signal(slot: number, aborted: boolean): AbortSignal;
}

/** Replaces the markers in `args` by stand-ins. */
export function reviveArgs(args: readonly unknown[], standIns: StandIns): unknown[] {
  return swapDeep(args, (value) => {
    if (!isPlainObject(value) || !('$hostRef' in value)) return undefined;
    const marker = markerSchema.safeParse(value);
    if (!marker.success) return undefined;
    const m = marker.data;
    return m.$hostRef === 'function'
      ? standIns.function(m.slot)
      : standIns.signal(m.slot, m.aborted);
  });
}

/**
 * A copy of `items` with every value `swap` answers for replaced, looking inside plain
 * objects and arrays; what holds nothing to swap is kept as it is, not copied.
 */
function swapDeep(items: readonly unknown[], swap: (value: unknown) => unknown): unknown[] {
  const visit = (value: unknown): unknown => {
    const swapped = swap(value);
    if (swapped !== undefined) return swapped;
    if (Array.isArray(value)) {
      let copy: unknown[] | null = null;
      for (let i = 0; i < value.length; i++) {
        const v = visit(value[i]);
        if (v !== value[i]) (copy ??= value.slice())[i] = v;
      }
      return copy ?? value;
    }
    if (isPlainObject(value)) {
      let copy: Record<string, unknown> | null = null;
      for (const [k, item] of Object.entries(value)) {
        const v = visit(item);
        if (v !== item) (copy ??= { ...value })[k] = v;
      }
      return copy ?? value;
    }
    return value;
  };
  return items.map(visit);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
