// The calling side of the engine proxy, as VS Code's ProxyChannel.toService: every method of
// ENGINE_METHODS becomes a function that forwards its name and arguments. The worker side is
// engine-worker.ts, which serves any name in the same table.
import type { LibraryEngine } from '../engine';
import { ENGINE_METHOD_NAMES, type EngineMethod } from '../engine-methods';

/** The engine's forwarded methods. */
export type EngineMethods = Pick<LibraryEngine, EngineMethod>;

/** Builds the forwarded methods over `call`. */
export function proxyMethods(
  call: (method: EngineMethod, args: unknown[]) => Promise<unknown>,
): EngineMethods {
  const methods: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const method of ENGINE_METHOD_NAMES) methods[method] = (...args) => call(method, args);
  // The table is checked against the interface at compile time, and each function passes
  // its arguments on unchanged and answers with what the engine's method answered.
  return methods as unknown as EngineMethods;
}
