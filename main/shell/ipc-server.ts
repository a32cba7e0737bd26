// Serves the handler table over ipcMain.handle, one channel per method, and receives the
// preload's dropped-path grants. Every message is checked against the sender first.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel, type ApiResponse } from '../contract/api-contract';
import { GRANT_DROPPED_PATHS_CHANNEL, MAX_GRANTED_PER_MESSAGE } from '../contract/channels';
import { dispatch, type DispatchLog } from '../api/dispatch';
import type { ApiHandlers } from '../api/handlers';
import type { PathGrants } from '../api/path-grants';
import { absolutePath } from '../contract/api-schemas';
import { isTrustedSender, type RendererOrigin } from './guards';

export interface IpcServerOptions {
  ipcMain: IpcMain;
  handlers: ApiHandlers;
  origin: RendererOrigin;
  /** webContents ids of our windows. */
  ourWebContents: ReadonlySet<number>;
  grants: PathGrants;
  log?: DispatchLog;
  /** Called for refused senders (for the log; no payloads). */
  onRefused?: (channel: string) => void;
}

function senderOf(event: IpcMainEvent | IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url,
    // A top frame has no parent; subframes (none are expected) never get the API.
    isMainFrame: frame !== null && frame !== undefined && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

/** Registers every API channel and the grant channel; returns a function that removes them. */
export function serveIpc(options: IpcServerOptions): () => void {
  const { ipcMain, handlers, origin, ourWebContents, grants } = options;
  const trusted = (event: IpcMainEvent | IpcMainInvokeEvent) =>
    isTrustedSender(senderOf(event), ourWebContents, origin);

  for (const method of API_METHODS) {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, async (event, args: unknown): Promise<ApiResponse<unknown>> => {
      if (!trusted(event)) {
        options.onRefused?.(channel);
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This page may not use the library.' },
        };
      }
      return dispatch(
        handlers,
        method,
        args,
        { transport: 'ipc', senderId: event.sender.id },
        options.log,
      );
    });
  }

  // The preload sends the paths webUtils.getPathForFile found for files the user dropped.
  const onGrant = (event: IpcMainEvent, paths: unknown) => {
    if (!trusted(event)) {
      options.onRefused?.(GRANT_DROPPED_PATHS_CHANNEL);
      return;
    }
    if (!Array.isArray(paths) || paths.length > MAX_GRANTED_PER_MESSAGE) return;
    grants.grantAll(paths.filter((p) => absolutePath.safeParse(p).success) as string[]);
  };
  ipcMain.on(GRANT_DROPPED_PATHS_CHANNEL, onGrant);

  return () => {
    for (const method of API_METHODS) ipcMain.removeHandler(ipcChannel(method));
    ipcMain.off(GRANT_DROPPED_PATHS_CHANNEL, onGrant);
  };
}
