/**
 * Electron main process: app lifecycle, the app:// scheme, the window, the IPC relay and the
 * save dialog. The backend (database and handlers) runs in a utility process (backendProcess.ts),
 * restarted with a message to the window if it crashes.
 *
 * Order matters: the scheme must be registered as privileged and the sandbox enabled before the
 * app is ready; the session is hardened and the protocol handler installed before the window
 * loads anything. Keep the syntax plain: the security scan parses this file (see security.ts).
 */
import { existsSync } from 'node:fs';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  utilityProcess,
} from 'electron';
import { translate } from '../../shared/i18n';
import { createBackendClient } from './backendClient';
import type { BackendClient } from './backendClient';
import { registerIpc } from './ipc';
import type { IpcRelay } from './ipc';
import { backendEntryPath, nativeBindingPath, preloadPath, rendererDir } from './paths';
import { createSaveFile } from './saveDialog';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  createSecureWindow,
  hardenContents,
  hardenSession,
} from './security';

const MAIN_DIR = import.meta.dirname;

let backend: BackendClient | null = null;
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
  backend = createBackendClient({
    fork: () =>
      utilityProcess.fork(backendEntryPath(MAIN_DIR), [], {
        serviceName: 'Pelita backend',
        stdio: 'inherit',
      }),
    start: { dataDir: app.getPath('userData'), nativeBinding },
    onCrash: tellBackendCrashed,
  });
  await backend.ready;
  relay = registerIpc(ipcMain, backend, {
    saveFile: createSaveFile({
      dialog,
      windowOf: (sender) =>
        BrowserWindow.getAllWindows().find((w) => w.webContents.id === sender.id) ?? null,
      downloadsDir: () => app.getPath('downloads'),
    }),
  });
  createMainWindow();
}

/** The backend process died: say so in both languages; quit when it cannot be restarted. */
function tellBackendCrashed(info: { code: number; restarted: boolean }): void {
  console.error(`[pelita] backend process exited (code ${info.code})`);
  const message =
    translate('id', 'error.backend_restarted') +
    '\n\n' +
    translate('en', 'error.backend_restarted');
  if (!info.restarted) {
    fail(
      new Error('The data service keeps stopping. Check the log, then start Pelita again.'),
      'Pelita had to stop.',
    );
    return;
  }
  const window = mainWindow;
  const box = { type: 'warning' as const, title: 'Pelita', message };
  (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box)).catch(() => undefined);
}

function fail(error: unknown, heading = 'Pelita could not start.'): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('[pelita] ' + heading, error);
  dialog.showErrorBox('Pelita', heading + '\n\n' + message);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Close the database (in the backend process) before exiting; quit again once it is closed.
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
