/**
 * Electron main process: app lifecycle, the app:// scheme, the window, the IPC relay and the
 * save dialog. The backend (database and handlers) runs in a utility process (backendProcess.ts),
 * restarted with a message to the window if it crashes. A splash shows while it opens the
 * database; the window's own failures (crash, hang, failed load) are handled in windowWatch.ts
 * and written to logs/ in the data folder. With office-host.json in the data folder the app is
 * a client of the office host instead (officeClient.ts): no local backend, the host's pages over
 * https with its certificate pinned.
 *
 * Order matters: the scheme must be registered as privileged and the sandbox enabled before the
 * app is ready; the session is hardened and the protocol handler installed before the window
 * loads anything. Keep the syntax plain: the security scan parses this file (see security.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { createBackendClient } from './backendClient';
import type { BackendClient } from './backendClient';
import { registerIpc } from './ipc';
import type { IpcRelay } from './ipc';
import {
  askOnMismatch,
  CLIENT_FILE,
  ClientConfigError,
  pinnedCertificateCheck,
  readOfficeClient,
} from './officeClient';
import type { OfficeClient } from './officeClient';
import { backendEntryPath, dataFolder, nativeBindingPath, preloadPath, rendererDir } from './paths';
import { createSaveFile } from './saveDialog';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  createSecureWindow,
  hardenContents,
  hardenSession,
  trustOfficeOrigin,
} from './security';
import { openShellLog } from './shellLog';
import type { ShellLog } from './shellLog';
import { splashUrl, withSplash } from './splash';
import { bilingual, bilingualButton, watchWindow } from './windowWatch';

const MAIN_DIR = import.meta.dirname;

let backend: BackendClient | null = null;
let relay: IpcRelay | null = null;
let mainWindow: BrowserWindow | null = null;
let log: ShellLog | null = null;

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();
// Date and number pickers follow Chromium's locale: Indonesian gives dd/mm/yyyy.
app.commandLine.appendSwitch('lang', 'id');
// %APPDATA%\Pelita, named for the product, whether started from the repository or installed.
app.setPath('userData', dataFolder(app.getPath('appData')));

function writeLog(line: string): void {
  if (log) log.write(line);
  else console.error('[pelita] ' + line);
}

function openLogs(): void {
  if (log) shell.openPath(log.dir).catch(() => undefined);
}

/** A native message box on the window (if any); resolves with the button chosen. */
function ask(message: string, buttons: string[], window: BrowserWindow | null): Promise<number> {
  const box = { type: 'warning' as const, title: 'Pelita', message, buttons, defaultId: 0 };
  const shown = window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box);
  return shown.then((result) => result.response);
}

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createMainWindow(url: string, preload: string | undefined, office: boolean): void {
  const window = createSecureWindow({
    preload,
    devTools: !app.isPackaged,
    title: 'Pelita',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
  });
  mainWindow = window;
  watchWindow(window, {
    url,
    log: writeLog,
    ask: (message, buttons) => ask(message, buttons, window),
    openLogs,
    quit: () => app.quit(),
    loadFailedKey: office ? 'desktop.office_unreachable' : 'desktop.load_failed',
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  // A failed load is reported by windowWatch ('did-fail-load').
  window.loadURL(url).catch(() => undefined);
}

function showSplash(): { close(): void } {
  const splash = createSecureWindow({
    title: 'Pelita',
    width: 440,
    height: 220,
    minWidth: 440,
    minHeight: 220,
  });
  splash.once('ready-to-show', () => splash.show());
  splash.loadURL(splashUrl()).catch(() => undefined);
  return { close: () => splash.destroy() };
}

/** Client mode: the office host's pages, its certificate pinned; no database on this PC. */
function startOfficeClient(client: OfficeClient): void {
  writeLog(`client mode: office host ${client.url}`);
  trustOfficeOrigin(client.origin);
  session.defaultSession.setCertificateVerifyProc(
    pinnedCertificateCheck(
      client,
      askOnMismatch(client, {
        dataDir: app.getPath('userData'),
        ask: (message, buttons) => ask(message, buttons, mainWindow),
        log: writeLog,
        relaunch: () => {
          app.relaunch();
          app.exit(0);
        },
      }),
    ),
  );
  createMainWindow(client.url, undefined, true);
}

/**
 * Packaged builds: one menu, hidden until Alt is pressed (autoHideMenuBar), so the admin can
 * open the log folder at any time; no View menu (reload, DevTools) as in development.
 */
function packagedMenu(): Menu {
  return Menu.buildFromTemplate([
    {
      label: bilingualButton('desktop.menu_help'),
      submenu: [{ label: bilingualButton('desktop.open_logs'), click: openLogs }],
    },
  ]);
}

async function start(): Promise<void> {
  if (app.isPackaged) Menu.setApplicationMenu(packagedMenu());
  const dataDir = app.getPath('userData');
  log = openShellLog(join(dataDir, 'logs'));
  writeLog(`Pelita ${app.getVersion()} starting (data folder ${dataDir})`);
  hardenSession(session.defaultSession);

  let client: OfficeClient | null;
  try {
    client = readOfficeClient(dataDir);
  } catch (e) {
    if (!(e instanceof ClientConfigError)) throw e;
    const file = join(dataDir, CLIENT_FILE);
    throw new Error(bilingual('desktop.client_config', { file, problem: e.message }));
  }
  if (client) {
    startOfficeClient(client);
    return;
  }

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
    start: { dataDir, nativeBinding, rendererDir: rendererDir(MAIN_DIR) },
    onCrash: tellBackendCrashed,
  });
  await withSplash(backend.ready, showSplash);
  relay = registerIpc(ipcMain, backend, {
    saveFile: createSaveFile({
      dialog,
      windowOf: (sender) =>
        BrowserWindow.getAllWindows().find((w) => w.webContents.id === sender.id) ?? null,
      downloadsDir: () => app.getPath('downloads'),
    }),
  });
  createMainWindow(APP_ENTRY_URL, preloadPath(MAIN_DIR), false);
}

/** The backend process died: say so in both languages; quit when it cannot be restarted. */
function tellBackendCrashed(info: { code: number; restarted: boolean }): void {
  writeLog(`backend process exited (code ${info.code}); restarted: ${info.restarted}`);
  if (!info.restarted) {
    fail(
      new Error('The data service keeps stopping. Check the log, then start Pelita again.'),
      'Pelita had to stop.',
    );
    return;
  }
  ask(
    bilingual('error.backend_restarted'),
    [bilingualButton('desktop.ok'), bilingualButton('desktop.open_logs')],
    mainWindow,
  )
    .then((chosen) => {
      if (chosen === 1) openLogs();
    })
    .catch(() => undefined);
}

function fail(error: unknown, heading = 'Pelita could not start.'): void {
  const message = error instanceof Error ? error.message : String(error);
  writeLog(`${heading} ${message}`);
  console.error('[pelita] ' + heading, error);
  const where = log ? `\n\nLog: ${log.dir}` : '';
  dialog.showErrorBox('Pelita', heading + '\n\n' + message + where);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    // Let the calls in flight finish, then close the database (in the backend process); quit
    // again once it is closed (backendClient.close waits at most QUIT_WAIT_MS + CLOSE_TIMEOUT_MS).
    const open = backend;
    if (!open) return;
    event.preventDefault();
    backend = null;
    open
      .close()
      .catch((error: unknown) => writeLog(`closing the backend failed: ${String(error)}`))
      .finally(() => {
        relay?.dispose();
        relay = null;
        app.quit();
      });
  });
  app.whenReady().then(start).catch(fail);
}
