import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('archiveVersion', '0.1.0');
