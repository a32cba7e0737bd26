// Talks to the HTTP bridge (e2e tests, plain browser) at the page's own origin.
import type {
  ApiEvent,
  ApiEvents,
  ApiMethod,
  ApiResponse,
} from '../../../main/contract/api-contract';
import { bytesReplacer } from './base64';
import type { Transport } from './transport';

export function createHttpTransport(base = ''): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();

  const ensureSource = (event: ApiEvent): void => {
    source ??= new EventSource(`${base}/api/events`);
    if (listeners.has(event)) return;
    const set = new Set<(payload: unknown) => void>();
    listeners.set(event, set);
    source.addEventListener(event, (message) => {
      const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
      for (const listener of set) listener(payload);
    });
  };

  return {
    async call(method: ApiMethod, args: unknown): Promise<ApiResponse<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(args ?? {}, bytesReplacer),
        });
      } catch (e) {
        return {
          ok: false,
          error: { code: 'IO', message: `The app could not be reached: ${String(e)}` },
        };
      }
      try {
        return (await response.json()) as ApiResponse<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Unexpected reply (${response.status}) from ${method}`,
          },
        };
      }
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      ensureSource(event);
      const set = listeners.get(event)!;
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    pathsForFiles: (files) => files.map(() => ''),
  };
}
