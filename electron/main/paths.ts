/**
 * Where the desktop shell finds its parts. `mainDir` is the folder of the built main process
 * (out/main), i.e. `import.meta.dirname` in index.ts.
 */
import { join } from 'node:path';

/** The product name: the data folder is %APPDATA%\Pelita (Linux ~/.config/Pelita). */
export const PRODUCT_NAME = 'Pelita';

/** The data folder inside Electron's appData, the same whatever the package is called. */
export function dataFolder(appData: string): string {
  return join(appData, PRODUCT_NAME);
}

/** The built renderer (out/renderer), served as app://pelita/. */
export function rendererDir(mainDir: string): string {
  return join(mainDir, '..', 'renderer');
}

/** The backend's utility-process entry (out/main/backend.js, from backendProcess.ts). */
export function backendEntryPath(mainDir: string): string {
  return join(mainDir, 'backend.js');
}

/** The built preload, CommonJS because a sandboxed preload cannot load ES modules. */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '..', 'preload', 'index.cjs');
}

export interface NativeBindingContext {
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  mainDir: string;
}

/**
 * better-sqlite3 built for Electron's ABI (the node_modules build is for Node and the tests).
 * Packaged: resources/native (electron-builder extraResources). From the repository: the file
 * written by electron/tools/build-electron-sqlite.mjs.
 */
export function nativeBindingPath(context: NativeBindingContext): string {
  return context.isPackaged
    ? join(context.resourcesPath, 'native', 'better_sqlite3.node')
    : join(context.mainDir, '..', '..', 'build', 'native-electron', 'better_sqlite3.node');
}
