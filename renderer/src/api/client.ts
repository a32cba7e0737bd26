// The renderer's one way to reach the main process: window.archive in Electron, the
// HTTP bridge at the page's own origin everywhere else. Calls return the value or
// throw ApiCallError, so components never see an ApiResponse.
import type {
  ApiArgs,
  ApiEvent,
  ApiEvents,
  ApiMethod,
  ApiResult,
  ArchiveBridge,
} from '../../../main/contract/api-contract';
import type { ErrorCode } from '../../../main/contract/types';
import { createHttpTransport } from './http-transport';
import type { Transport } from './transport';

/** A failed call, with the engine's code and its sentence for people. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  pathsForFiles(files: File[]): string[];
  /** True inside Electron, where dropped files carry paths. */
  readonly native: boolean;
}

function bridgeTransport(bridge: ArchiveBridge): Transport {
  return {
    call: (method, args) => (bridge[method] as (a: unknown) => ReturnType<Transport['call']>)(args),
    on: (event, listener) => bridge.on(event, listener),
    pathsForFiles: (files) => bridge.pathsForFiles(files),
  };
}

/** Wraps a transport so calls unwrap ApiResponse and throw ApiCallError. */
export function createClient(transport: Transport, native = false): ApiClient {
  return {
    native,
    async call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResult<M>> {
      const response = await transport.call(method, args);
      if (!response.ok) throw new ApiCallError(response.error.code, response.error.message);
      return response.value as ApiResult<M>;
    },
    on: (event, listener) => transport.on(event, listener),
    pathsForFiles: (files) => transport.pathsForFiles(files),
  };
}

declare global {
  interface Window {
    archive?: ArchiveBridge;
  }
}

let client: ApiClient | null = null;

/** The app-wide client, chosen once: Electron's bridge when present, else HTTP. */
export function getClient(): ApiClient {
  client ??= window.archive
    ? createClient(bridgeTransport(window.archive), true)
    : createClient(createHttpTransport());
  return client;
}

/** Replaces the app-wide client (component tests). */
export function setClient(next: ApiClient): void {
  client = next;
}

/** A message for any thrown value, preferring the engine's own sentence. */
export { errorMessage } from '../../../main/contract/error-message';
