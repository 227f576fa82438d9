/**
 * Saving a file the backend handed over (a photo, later PDF letters, XLSX, packets): Electron's
 * save dialog, attached to the window that asked, starting in the Downloads folder with the
 * file's own name; the bytes are written to a temporary name beside the target and renamed, so
 * a failed write never leaves half a file under the chosen name.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { FileToSave, RelayEvent } from './ipc';

/** The parts of Electron's dialog used here (tests pass a fake). */
export interface SaveDialog {
  showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface SaveDeps {
  dialog: SaveDialog;
  /** BrowserWindow.fromWebContents, for a dialog attached to the asking window. */
  windowOf: (sender: RelayEvent['sender']) => BrowserWindow | null;
  /** app.getPath('downloads') */
  downloadsDir: () => string;
}

export function createSaveFile(deps: SaveDeps) {
  return async (event: RelayEvent, file: FileToSave): Promise<boolean> => {
    const name = basename(file.name) || 'pelita';
    const ext = extname(name).slice(1).toLowerCase();
    const options: SaveDialogOptions = {
      defaultPath: join(deps.downloadsDir(), name),
      ...(ext ? { filters: [{ name: ext.toUpperCase(), extensions: [ext] }] } : {}),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = deps.windowOf(event.sender);
    const choice = window
      ? await deps.dialog.showSaveDialog(window, options)
      : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return false;
    const temp = `${choice.filePath}.pelita-${process.pid}.tmp`;
    try {
      await writeFile(temp, file.bytes);
      await rename(temp, choice.filePath);
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    return true;
  };
}
