/**
 * Keeps the window usable when its page fails: a renderer crash reloads it and tells the user
 * (after CRASH_LIMIT crashes in CRASH_WINDOW_MS it stops reloading and says to restart), a hang
 * asks whether to wait or reload, a failed load shows the window anyway and offers to retry.
 * Every event goes to the shell log; each message offers to open the log folder. Electron is
 * reached only through the small interfaces below, so tests drive it with fakes.
 */
import { translate, type MessageKey } from '../../shared/i18n';

type Params = Record<string, string | number>;

/** A message in both languages, Bahasa Indonesia first, for the shell's native dialogs. */
export function bilingual(key: MessageKey, params?: Params): string {
  return translate('id', key, params) + '\n\n' + translate('en', key, params);
}

/** A button label in both languages. */
export function bilingualButton(key: MessageKey): string {
  return `${translate('id', key)} / ${translate('en', key)}`;
}

export interface WatchedContents {
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
  ): unknown;
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
  loadURL(url: string): Promise<void>;
}

export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  isVisible(): boolean;
  show(): void;
  webContents: WatchedContents;
}

export interface WatchOptions {
  /** The page the window shows, loaded again on "Try again". */
  url: string;
  log: (line: string) => void;
  /** Shows a message with buttons; resolves with the index of the button chosen. */
  ask: (message: string, buttons: string[]) => Promise<number>;
  openLogs: () => void;
  quit: () => void;
  /** The message for a failed load, given {error, url}: client mode names the office host. */
  loadFailedKey?: 'desktop.load_failed' | 'desktop.office_unreachable';
  now?: () => number;
}

export const CRASH_LIMIT = 3;
export const CRASH_WINDOW_MS = 60_000;
/** Chromium's net::ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3;

export function watchWindow(window: WatchedWindow, opts: WatchOptions): void {
  const now = opts.now ?? Date.now;
  const contents = window.webContents;
  const crashes: number[] = [];
  /** Set when the user chose "Reload" on a hang: the crash that follows is ours. */
  let killing = false;

  const alive = () => !window.isDestroyed();
  /** Asks, and opens the log folder when the last button (always "open logs") is chosen. */
  const ask = async (message: string, buttons: MessageKey[]): Promise<MessageKey | null> => {
    const labels = [...buttons, 'desktop.open_logs' as const].map(bilingualButton);
    const chosen = await opts.ask(message, labels).catch(() => -1);
    if (chosen === buttons.length) opts.openLogs();
    return buttons[chosen] ?? null;
  };

  contents.on('render-process-gone', (_event, { reason, exitCode }) => {
    opts.log(`window process gone: ${reason} (exit code ${exitCode})`);
    if (reason === 'clean-exit' || !alive()) return;
    if (killing) {
      killing = false;
      contents.reload();
      return;
    }
    const t = now();
    crashes.push(t);
    while (crashes.length > 0 && crashes[0]! < t - CRASH_WINDOW_MS) crashes.shift();
    if (crashes.length > CRASH_LIMIT) {
      opts.log('window keeps crashing: not reloaded');
      void ask(bilingual('desktop.renderer_gone_repeatedly', { reason }), [
        'desktop.quit',
        'desktop.reload',
      ]).then((choice) => {
        if (choice === 'desktop.quit') opts.quit();
        else if (choice === 'desktop.reload' && alive()) contents.reload();
      });
      return;
    }
    contents.reload();
    void ask(bilingual('desktop.renderer_gone', { reason }), ['desktop.ok']);
  });

  window.on('unresponsive', () => {
    opts.log('window not responding');
    void ask(bilingual('desktop.unresponsive'), ['desktop.wait', 'desktop.reload']).then(
      (choice) => {
        if (choice !== 'desktop.reload' || !alive()) return;
        opts.log('window reloaded by the user after a hang');
        killing = true;
        contents.forcefullyCrashRenderer();
      },
    );
  });
  window.on('responsive', () => opts.log('window responding again'));

  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED) return;
    opts.log(`window could not load ${url}: ${errorDescription} (${errorCode})`);
    // 'ready-to-show' may never come after a failed load: never leave the user with nothing.
    if (alive() && !window.isVisible()) window.show();
    const error = errorDescription || String(errorCode);
    void ask(bilingual(opts.loadFailedKey ?? 'desktop.load_failed', { error, url: opts.url }), [
      'desktop.retry',
      'desktop.quit',
    ]).then((choice) => {
      if (choice === 'desktop.quit') opts.quit();
      else if (choice === 'desktop.retry' && alive())
        contents.loadURL(opts.url).catch(() => undefined); // a new failure comes back here
    });
  });
}
