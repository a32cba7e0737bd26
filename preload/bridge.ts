// The bridge object, built from injected IPC functions so it can be unit-tested without
// Electron. The grant goes out before pathsForFiles returns, and IPC keeps message order,
// so main has the grant by the time the page's importPaths call arrives.
import type { ApiEvent, ApiEvents, ApiMethod, ArchiveBridge } from '../main/contract/api-contract';

export interface BridgeDeps {
  methods: readonly ApiMethod[];
  events: readonly ApiEvent[];
  invoke(method: ApiMethod, args: unknown): Promise<unknown>;
  subscribe<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** webUtils.getPathForFile: '' for files that did not come from disk. */
  pathForFile(file: File): string;
  /** Tells main which dropped paths the user handed over. */
  grant(paths: string[]): void;
}

/** The object the preload exposes as window.archive. */
export function buildBridge(deps: BridgeDeps): ArchiveBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of deps.methods) {
    bridge[method] = (args: unknown) => deps.invoke(method, args);
  }
  bridge.on = <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    if (!deps.events.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    if (typeof listener !== 'function') throw new Error('The listener must be a function');
    return deps.subscribe(event, listener);
  };
  bridge.pathsForFiles = (files: File[]) => {
    const paths = Array.from(files ?? [], (file) => {
      try {
        return deps.pathForFile(file);
      } catch {
        return ''; // not a File (getPathForFile throws): no path, no grant
      }
    });
    const real = paths.filter((p) => p !== '');
    if (real.length > 0) deps.grant(real);
    return paths;
  };
  return Object.freeze(bridge) as unknown as ArchiveBridge;
}
