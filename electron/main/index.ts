/**
 * Electron main process: app lifecycle, the app:// scheme, the backend, the window.
 *
 * Order matters: the scheme must be registered as privileged and the sandbox enabled before the
 * app is ready; the session is hardened and the protocol handler installed before the window
 * loads anything. Keep the syntax plain: the security scan parses this file (see security.ts).
 */
import { existsSync } from 'node:fs';
import { app, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { openBackend } from '../backend/app';
import type { Backend } from '../backend/app';
import { registerIpc } from './ipc';
import type { IpcRelay } from './ipc';
import { nativeBindingPath, preloadPath, rendererDir } from './paths';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  createSecureWindow,
  hardenContents,
  hardenSession,
} from './security';

const MAIN_DIR = import.meta.dirname;

let backend: Backend | null = null;
let relay: IpcRelay | null = null;
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();
// Date and number pickers follow Chromium's locale: Indonesian gives dd/mm/yyyy.
app.commandLine.appendSwitch('lang', 'id');

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(): void {
  const window = createSecureWindow({
    preload: preloadPath(MAIN_DIR),
    title: 'Pelita',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
  });
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('[pelita] could not load the interface', error);
  });
}

async function start(): Promise<void> {
  if (app.isPackaged) Menu.setApplicationMenu(null);
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir(MAIN_DIR)));

  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    mainDir: MAIN_DIR,
  });
  if (!existsSync(nativeBinding)) {
    throw new Error(
      'The database driver built for Electron is missing:\n' +
        nativeBinding +
        (app.isPackaged
          ? '\n\nReinstall Pelita.'
          : '\n\nRun `node electron/tools/build-electron-sqlite.mjs` (needs internet once).'),
    );
  }
  backend = await openBackend({
    dataDir: app.getPath('userData'),
    nativeBinding,
    log: (line) => console.log('[pelita] ' + line),
  });
  relay = registerIpc(ipcMain, backend);
  createMainWindow();
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[pelita] startup failed', error);
  dialog.showErrorBox('Pelita', 'Pelita could not start.\n\n' + message);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Close the database before exiting; quit again once it is closed.
    const open = backend;
    if (!open) return;
    event.preventDefault();
    backend = null;
    relay?.dispose();
    relay = null;
    open
      .close()
      .catch((error: unknown) => console.error('[pelita] closing the backend failed', error))
      .finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}
