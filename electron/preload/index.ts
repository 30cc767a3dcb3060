import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

// Sandboxed and context-isolated: the page sees only this frozen object, never ipcRenderer.
contextBridge.exposeInMainWorld('chartbook', createBridge(ipcRenderer));
