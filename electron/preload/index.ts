/**
 * The whole bridge between the page and the app: one function, `window.pelita.call`, relayed to
 * the single `pelita:call` IPC handler in the main process. No other Electron or Node API reaches
 * the page. Built as CommonJS (out/preload/index.cjs) because the preload runs sandboxed.
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('pelita', {
  call: (method: string, input: unknown): Promise<unknown> =>
    ipcRenderer.invoke('pelita:call', method, input),
});
