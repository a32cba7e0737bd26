// Messages between RemoteEngine (the calling thread) and the engine worker. Plain data only:
// structured clone carries them, including the Uint8Array contents of dropped files.
import type { LibraryChange, OpenOptions } from '../engine';
import type { ErrorCode } from '../../contract/types';

/** What the worker needs to open the library (OpenOptions without its callbacks). */
export interface HostWorkerData {
  dir: string;
  options: Omit<OpenOptions, 'onIndexProgress'>;
}

/** Engine methods the host forwards (everything but the properties and onChange). */
export type HostMethod =
  | 'importSources'
  | 'list'
  | 'get'
  | 'search'
  | 'addTags'
  | 'removeTags'
  | 'restoreTags'
  | 'listTags'
  | 'renameTag'
  | 'deleteTag'
  | 'setRead'
  | 'setFavourite'
  | 'setPosition'
  | 'trash'
  | 'restore'
  | 'emptyTrash'
  | 'reindex'
  | 'stats'
  | 'close';

export type ToWorker =
  | { type: 'call'; id: number; method: HostMethod; args: unknown[] }
  | { type: 'cancel'; id: number };

/** An error as it crosses the thread boundary; `archive` marks an ArchiveError. */
export interface WireError {
  archive: boolean;
  code: ErrorCode;
  message: string;
  stack?: string;
}

export type FromWorker =
  | { type: 'ready'; path: string; readOnly: boolean }
  | { type: 'open-failed'; error: WireError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }
  /** Progress of call `id` (0: the index rebuild during open). */
  | { type: 'progress'; id: number; progress: unknown }
  | { type: 'change'; change: LibraryChange };
