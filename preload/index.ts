// The narrow bridge between the sandboxed page and main: one named function per API call,
// a subscription for events, and the paths of dropped files. Nothing else of Electron or
// Node reaches the page.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  API_EVENTS,
  API_METHODS,
  ipcChannel,
  ipcEventChannel,
  type ApiEvent,
  type ApiEvents,
  type ArchiveBridge,
} from '../main/contract/api-contract';
import { GRANT_DROPPED_PATHS_CHANNEL } from '../main/contract/channels';
import { buildBridge } from './bridge';

const bridge: ArchiveBridge = buildBridge({
  methods: API_METHODS,
  events: API_EVENTS,
  invoke: (method, args) => ipcRenderer.invoke(ipcChannel(method), args),
  subscribe: <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    const channel = ipcEventChannel(event);
    const handler = (_e: IpcRendererEvent, payload: ApiEvents[E]) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
  grant: (paths) => ipcRenderer.send(GRANT_DROPPED_PATHS_CHANNEL, paths),
});

contextBridge.exposeInMainWorld('archive', bridge);
