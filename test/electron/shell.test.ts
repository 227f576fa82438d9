/**
 * The shell survives its page failing, with Electron mocked: a renderer crash reloads and tells
 * the user (and stops reloading when it keeps crashing), a hang offers wait or reload, a failed
 * load shows the window and offers to retry; every event lands in the rotated log in logs/.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { officeTimestamp, openShellLog } from '../../electron/main/shellLog';
import {
  bilingualButton,
  CRASH_LIMIT,
  watchWindow,
  type WatchedWindow,
} from '../../electron/main/windowWatch';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

type Listener = (...args: never[]) => void;

class FakeWindow implements WatchedWindow {
  listeners = new Map<string, Listener[]>();
  visible = false;
  destroyed = false;
  reloads = 0;
  crashedOnPurpose = 0;
  loaded: string[] = [];
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  }
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  show = () => {
    this.visible = true;
  };
  webContents = {
    on: (event: string, listener: Listener) => this.on(event, listener),
    reload: () => {
      this.reloads++;
    },
    forcefullyCrashRenderer: () => {
      this.crashedOnPurpose++;
      this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    },
    loadURL: async (url: string) => {
      this.loaded.push(url);
    },
  };
}

function watch(answer: (buttons: string[]) => number = () => 0) {
  const window = new FakeWindow();
  const lines: string[] = [];
  const asked: { message: string; buttons: string[] }[] = [];
  let t = 0;
  const opts = {
    url: 'app://pelita/index.html',
    log: (line: string) => lines.push(line),
    ask: vi.fn(async (message: string, buttons: string[]) => {
      asked.push({ message, buttons });
      return answer(buttons);
    }),
    openLogs: vi.fn(),
    quit: vi.fn(),
    now: () => (t += 1000),
  };
  watchWindow(window, opts);
  return { window, lines, asked, opts };
}
const settle = () => new Promise((r) => setTimeout(r, 0));
const pick = (key: Parameters<typeof bilingualButton>[0]) => (buttons: string[]) =>
  buttons.indexOf(bilingualButton(key));

describe('renderer crash', () => {
  it('reloads the window, tells the user in both languages and logs it', async () => {
    const { window, lines, asked } = watch();
    window.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await settle();
    expect(window.reloads).toBe(1);
    expect(lines).toEqual(['window process gone: crashed (exit code 139)']);
    expect(asked[0]!.message).toMatch(/Tampilan Pelita berhenti tiba-tiba \(crashed\)/);
    expect(asked[0]!.message).toMatch(/Pelita's window stopped unexpectedly \(crashed\)/);
    expect(asked[0]!.buttons.at(-1)).toBe('Buka folder log / Open the log folder');
  });

  it('opens the log folder when asked to', async () => {
    const { window, opts } = watch(pick('desktop.open_logs'));
    window.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await settle();
    expect(opts.openLogs).toHaveBeenCalledOnce();
  });

  it('stops reloading when it keeps crashing, and quits if the user says so', async () => {
    const { window, lines, asked, opts } = watch(pick('desktop.quit'));
    for (let i = 0; i <= CRASH_LIMIT; i++)
      window.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(window.reloads).toBe(CRASH_LIMIT);
    expect(lines.at(-1)).toBe('window keeps crashing: not reloaded');
    expect(asked.at(-1)!.message).toMatch(/berhenti berulang kali/);
    expect(opts.quit).toHaveBeenCalledOnce();
  });

  it('ignores a clean exit and a window already closed', async () => {
    const { window, asked } = watch();
    window.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    window.destroyed = true;
    window.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(window.reloads).toBe(0);
    expect(asked).toEqual([]);
  });
});

describe('hang', () => {
  it('waits when the user says wait', async () => {
    const { window, lines } = watch(pick('desktop.wait'));
    window.emit('unresponsive');
    await settle();
    window.emit('responsive');
    expect(window.crashedOnPurpose).toBe(0);
    expect(lines).toEqual(['window not responding', 'window responding again']);
  });

  it('reloads on request without reporting its own kill as a crash', async () => {
    const { window, asked, lines } = watch(pick('desktop.reload'));
    window.emit('unresponsive');
    await settle();
    expect(window.crashedOnPurpose).toBe(1);
    expect(window.reloads).toBe(1);
    expect(asked).toHaveLength(1);
    expect(lines).toContain('window reloaded by the user after a hang');
  });
});

describe('failed load', () => {
  it('shows the hidden window, logs, and loads again on "try again"', async () => {
    const { window, lines, opts } = watch(pick('desktop.retry'));
    window.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://pelita/index.html', true);
    await settle();
    expect(window.visible).toBe(true);
    expect(window.loaded).toEqual([opts.url]);
    expect(lines[0]).toMatch(/could not load app:\/\/pelita\/index.html: ERR_FILE_NOT_FOUND/);
  });

  it('quits on "close", and ignores subframes and aborted loads', async () => {
    const { window, asked, opts } = watch(pick('desktop.quit'));
    window.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://pelita/', true);
    window.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x/', false);
    await settle();
    expect(asked).toEqual([]);
    window.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://x/', true);
    await settle();
    expect(opts.quit).toHaveBeenCalledOnce();
  });
});

describe('shell log', () => {
  function logDir(): string {
    const d = mkdtempSync(join(tmpdir(), 'pelita-log-'));
    dirs.push(d);
    return join(d, 'logs');
  }

  it('writes one line per event, stamped in WITA, creating logs/', () => {
    const dir = logDir();
    const log = openShellLog(dir, { now: () => new Date('2026-12-01T03:52:03Z'), echo: () => {} });
    log.write('window process gone:\ncrashed');
    expect(readFileSync(join(dir, 'pelita.log'), 'utf8')).toBe(
      '2026-12-01 11:52:03 WITA window process gone: crashed\n',
    );
    expect(officeTimestamp(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01 04:00:00 WITA');
    if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('rotates by size and keeps only the newest files', () => {
    const dir = logDir();
    const log = openShellLog(dir, { maxBytes: 100, keep: 2, echo: () => {} });
    for (let i = 0; i < 20; i++) log.write(`event ${i} `.padEnd(60, '.'));
    expect(readdirSync(dir).sort()).toEqual(['pelita.1.log', 'pelita.2.log', 'pelita.log']);
    expect(readFileSync(join(dir, 'pelita.log'), 'utf8')).toMatch(/event 19/);
    expect(readFileSync(join(dir, 'pelita.1.log'), 'utf8')).toMatch(/event 1[78]/);
    expect(existsSync(join(dir, 'pelita.3.log'))).toBe(false);
  });

  it('never throws when the folder cannot be written', () => {
    const file = join(logDir(), '..', 'not-a-folder');
    writeFileSync(file, 'x');
    const log = openShellLog(join(file, 'logs'), { echo: () => {} });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => log.write('still fine')).not.toThrow();
    spy.mockRestore();
  });
});
