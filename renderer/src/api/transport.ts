import type {
  ApiEvent,
  ApiEvents,
  ApiMethod,
  ApiResponse,
} from '../../../main/contract/api-contract';

/** What the client needs from either window.archive (IPC) or the HTTP bridge. */
export interface Transport {
  call(method: ApiMethod, args: unknown): Promise<ApiResponse<unknown>>;
  on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** Paths of dropped files; empty strings where a file has no path on disk. */
  pathsForFiles(files: File[]): string[];
}
